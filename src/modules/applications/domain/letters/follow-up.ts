/**
 * How the 申请登记回执 tells the applicant to follow the case. The 查询码 is stored only hashed
 * (create-application.ts), so a receipt can print it only when it is made at registration, while the
 * code is at hand; a receipt made later (on confirming receipt of a fax, e-mail or ordinary letter)
 * cannot, and points to the number and the organ's 咨询电话 instead of to a code the applicant may
 * never have been given. Online applicants got the code on the portal when they submitted.
 */
export function followUpSentence(o: { queryCode: string | null; submittedOnline: boolean; consultPhone: string }): string {
  const phone = o.consultPhone.trim() ? `咨询电话：${o.consultPhone.trim()}。` : '';
  if (o.queryCode) return `凭申请编号和查询码${o.queryCode}可在本机关政府信息公开网站查询办理进度、下载答复文书，查询码不再另行告知。${phone}`;
  if (o.submittedOnline) return `您可以凭申请编号和提交申请时获得的查询码，在本机关政府信息公开网站查询办理进度、下载答复文书。${phone}`;
  return `您可以凭申请编号向本机关查询办理进度。${phone}`;
}
