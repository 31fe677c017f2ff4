import { COUNTY, COUNTY_SEAT_ADDRESS } from './word-banks.ts';

/**
 * The demo portal's identity and filing data (网站标识与备案信息). The county and its numbers are
 * invented: the ICP and 公安 filing numbers, the 网站标识码 and the province abbreviation 岫 belong
 * to no real site. The 找错 link is the national 政府网站找错 platform's address.
 */
export const DEMO_SITE_IDENTITY = {
  siteName: `${COUNTY}人民政府信息公开`,
  hostUnit: `${COUNTY}人民政府办公室`,
  operatorUnit: `${COUNTY}数据资源管理局`,
  address: `${COUNTY_SEAT_ADDRESS}县政府办公楼`,
  phone: '0564-5021016',
  icpNumber: '岫ICP备20260001号-1',
  policeNumber: '岫公网安备 34182502000101号',
  siteCode: '3418250001',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/',
};

/** The housing bureau's pages name the bureau's office as 承办单位 and its own address and phone. */
export const DEMO_HOUSING_IDENTITY = {
  operatorUnit: `${COUNTY}住房和城乡建设局办公室`,
  address: `${COUNTY}岚城街道建设路26号`,
  phone: '0564-5022106',
};
