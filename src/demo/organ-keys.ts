/** The keys (= URL codes) of the demo organs, named so other files need not repeat the strings. */
export const ORGAN_KEYS = {
  government: 'qlx',
  housing: 'qlx-zjj',
  finance: 'qlx-czj',
  naturalResources: 'qlx-zrzyj',
  education: 'qlx-jyj',
} as const;

/** The sub-units (股室、所属事业单位) of 县住房和城乡建设局; they draft, the 局 publishes. */
export const HOUSING_UNIT_KEYS = {
  office: 'qlx-zjj-bgs',
  realEstate: 'qlx-zjj-fdcjgg',
  rural: 'qlx-zjj-czjsg',
  urban: 'qlx-zjj-csjsg',
  quality: 'qlx-zjj-zlaqjdz',
  expropriation: 'qlx-zjj-fwzsfwzx',
} as const;
