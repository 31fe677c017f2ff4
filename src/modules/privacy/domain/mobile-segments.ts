/**
 * The number segments (first three digits) that MIIT has allocated to public mobile service — the one
 * list of them in gongkai, kept as data. An 11-digit number without a label is taken for a mobile
 * number only in one of these segments; after a label such as 联系电话 or 手机, or in a column headed so,
 * any 11-digit number that begins with 1 is one (segments keep being allocated: see
 * docs/privacy-scanner.md, "mobile_phone"). Add a segment here when it is allocated.
 */
export const ALLOCATED_MOBILE_SEGMENTS: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '145', '146', '147', '148', '149',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '162', '165', '166', '167',
  '170', '171', '172', '173', '174', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '190', '191', '192', '193', '195', '196', '197', '198', '199',
];
