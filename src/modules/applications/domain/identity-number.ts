/** GB 11643-1999: 17 digits and a check character (0–9 or X) computed with weights mod 11. */
export function isResidentIdNumber(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/** GB 32100-2015 unified social credit code: 18 characters from the code set, last one a check character. */
export function isCreditCode(v: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((s, w, i) => s + w * chars.indexOf(v[i]), 0);
  return chars[(31 - (sum % 31)) % 31] === v[17];
}

/** The key that counts one applicant's applications in a month (fees 按件): their document, else name and phone. */
export function applicantKeyOf(idKind: string, idNumber: string, name: string, phone: string): string {
  const id = idNumber.trim().toUpperCase();
  return id ? `${idKind}:${id}` : `name:${name.trim()}|${phone.replace(/\D/g, '')}`;
}
