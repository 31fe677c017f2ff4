import { z } from 'zod';

/**
 * Whose site it is: what a Chinese government website shows in its header and footer (国办发〔2017〕47号
 * 《政府网站发展指引》: 网站标识码, 主办单位, 承办单位 (optional), contact, ICP备案号 and 公安机关备案号,
 * and the 政府网站找错 entry). Written once for the site and, where different, per organ; an organ's
 * page shows its own values over the site's (docs/operations.md).
 */
export const IDENTITY_FIELDS = ['siteName', 'hostUnit', 'operatorUnit', 'address', 'phone', 'icpNumber', 'policeNumber', 'siteCode', 'errorReportUrl'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type SiteIdentity = Record<IdentityField, string> & { emblemUrl: string | null };

export const IDENTITY_LABELS: Record<IdentityField, string> = {
  siteName: '网站名称', hostUnit: '主办单位', operatorUnit: '承办单位', address: '地址', phone: '联系电话', icpNumber: 'ICP备案号',
  policeNumber: '公安机关备案号', siteCode: '网站标识码', errorReportUrl: '政府网站找错链接',
};

const text = (label: string, max: number) => z.string({ message: `${label}应为文字` }).trim().max(max, { message: `${label}不能超过 ${max} 个字` }).default('');
const pattern = (label: string, re: RegExp, example: string) =>
  text(label, 60).refine((v) => v === '' || re.test(v), { message: `${label}格式不正确，应如“${example}”` });

export const siteIdentitySchema = z.object({
  siteName: text('网站名称', 60),
  hostUnit: text('主办单位', 80),
  operatorUnit: text('承办单位', 80),
  address: text('地址', 120),
  phone: text('联系电话', 40).refine((v) => v === '' || /^[0-9\-－ ()（）转]+$/.test(v), { message: '联系电话只能包含数字、连字符和括号' }),
  icpNumber: pattern('ICP备案号', /^\p{Script=Han}ICP备\d{6,10}号(-\d{1,3})?$/u, '皖ICP备05001234号-1'),
  policeNumber: pattern('公安机关备案号', /^\p{Script=Han}公网安备\s?\d{14}号$/u, '皖公网安备 34010202000123号'),
  siteCode: pattern('网站标识码', /^[0-9A-Za-z]{10}$/, '3418250001'),
  errorReportUrl: text('政府网站找错链接', 300).refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), { message: '政府网站找错链接应以 http:// 或 https:// 开头' }),
});
export type SiteIdentityInput = z.infer<typeof siteIdentitySchema>;

/** The identity a page shows: each field from the most specific layer that sets it (site, then the organ's ancestors, then the organ). */
export function mergeIdentity(layers: (Partial<SiteIdentity> | undefined)[]): SiteIdentity {
  const out: SiteIdentity = { siteName: '', hostUnit: '', operatorUnit: '', address: '', phone: '', icpNumber: '', policeNumber: '', siteCode: '', errorReportUrl: '', emblemUrl: null };
  for (const layer of layers) {
    if (!layer) continue;
    for (const f of IDENTITY_FIELDS) if (layer[f]) out[f] = layer[f]!;
    if (layer.emblemUrl) out.emblemUrl = layer.emblemUrl;
  }
  return out;
}
