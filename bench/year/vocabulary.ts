/** Sectors (界别). */
export const SECTORS = [
  '中国共产党',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '无党派人士',
  '共青团',
  '总工会',
  '妇联',
  '青联',
  '工商联',
  '科协',
  '台联',
  '侨联',
  '文化艺术界',
  '科学技术界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '体育界',
  '新闻出版界',
  '医药卫生界',
  '对外友好界',
  '社会福利和社会保障界',
  '少数民族界',
  '宗教界',
  '特邀人士',
];
/** Special committees (专门委员会). */
export const SPECIAL = [
  '提案委员会',
  '经济委员会',
  '农业和农村委员会',
  '人口资源环境建设委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教委员会',
  '文化文史和学习委员会',
];
/** Kinds of activity other than plenary and standing meetings. */
export const ACTIVITY_KINDS = [
  'inspection',
  'research',
  'study',
  'consultation',
  'supervision',
  'special-committee',
  'sector',
  'other',
  'chairman',
] as const;
/** Proposal categories, weighted roughly as Chongqing's 2019 figures. */
export const CATEGORIES = [
  'economic',
  'economic',
  'economic',
  'political',
  'cultural',
  'cultural',
  'social',
  'social',
  'ecological',
  'ecological',
] as const;
/** Leave reasons of excused attendances. */
export const LEAVE_REASONS = ['illness', 'work', 'higher-level-meeting', 'official-abroad', 'other'] as const;
/** Adoption levels. */
export const LEVELS = ['county', 'city', 'provincial', 'national'] as const;
/** Offices that record. */
export const RECORDERS = [
  '市政协办公厅',
  '市政协提案委员会',
  '市政协研究室',
  '区政协办公室',
  '委员工作委员会',
];
