/** Sectors (界别) of a local committee, with a rough share of members. */
export const SECTORS: readonly (readonly [string, number])[] = [
  ['中国共产党', 8],
  ['民革', 3],
  ['民盟', 4],
  ['民建', 4],
  ['民进', 3],
  ['农工党', 3],
  ['致公党', 2],
  ['九三学社', 3],
  ['无党派人士', 3],
  ['共青团', 2],
  ['总工会', 3],
  ['妇联', 3],
  ['青联', 2],
  ['工商联', 5],
  ['科协', 3],
  ['台联', 1],
  ['侨联', 2],
  ['文化艺术界', 4],
  ['科学技术界', 4],
  ['社会科学界', 3],
  ['经济界', 7],
  ['农业界', 4],
  ['教育界', 5],
  ['体育界', 2],
  ['新闻出版界', 2],
  ['医药卫生界', 5],
  ['对外友好界', 2],
  ['社会福利和社会保障界', 2],
  ['少数民族界', 3],
  ['宗教界', 2],
  ['特邀人士', 3],
];

/** Special committees (专门委员会). */
export const SPECIAL_COMMITTEES = [
  '提案委员会',
  '经济委员会',
  '农业和农村委员会',
  '人口资源环境建设委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教委员会',
  '文化文史和学习委员会',
  '港澳台侨和外事委员会',
] as const;

/** Chongqing's 38 district and county committees (区县政协). */
export const DISTRICTS: readonly (readonly [string, string])[] = [
  ['wanzhou', '万州区'],
  ['qianjiang', '黔江区'],
  ['fuling', '涪陵区'],
  ['yuzhong', '渝中区'],
  ['dadukou', '大渡口区'],
  ['jiangbei', '江北区'],
  ['shapingba', '沙坪坝区'],
  ['jiulongpo', '九龙坡区'],
  ['nanan', '南岸区'],
  ['beibei', '北碚区'],
  ['qijiang', '綦江区'],
  ['dazu', '大足区'],
  ['yubei', '渝北区'],
  ['banan', '巴南区'],
  ['changshou', '长寿区'],
  ['jiangjin', '江津区'],
  ['hechuan', '合川区'],
  ['yongchuan', '永川区'],
  ['nanchuan', '南川区'],
  ['bishan', '璧山区'],
  ['tongliang', '铜梁区'],
  ['tongnan', '潼南区'],
  ['rongchang', '荣昌区'],
  ['kaizhou', '开州区'],
  ['liangping', '梁平区'],
  ['wulong', '武隆区'],
  ['chengkou', '城口县'],
  ['fengdu', '丰都县'],
  ['dianjiang', '垫江县'],
  ['zhongxian', '忠县'],
  ['yunyang', '云阳县'],
  ['fengjie', '奉节县'],
  ['wushan', '巫山县'],
  ['wuxi', '巫溪县'],
  ['shizhu', '石柱土家族自治县'],
  ['xiushan', '秀山土家族苗族自治县'],
  ['youyang', '酉阳土家族苗族自治县'],
  ['pengshui', '彭水苗族土家族自治县'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宇鹏飞斌浩凯亮晨燕颖琳雪梅海波峰林宁新晓春江川渝巴嘉怡欣然思远志国庆';

/** A plausible Chinese name. */
export function personName(r: { int(a: number, b: number): number }): string {
  const surname = SURNAMES[r.int(0, SURNAMES.length - 1)]!;
  const n = r.int(1, 2);
  let given = '';
  for (let i = 0; i < n; i++) given += GIVEN[r.int(0, GIVEN.length - 1)]!;
  return surname + given;
}

/** Media outlets with their level. */
export const OUTLETS: readonly (readonly [string, 'city' | 'provincial' | 'national'])[] = [
  ['人民政协报', 'national'],
  ['人民日报', 'national'],
  ['重庆日报', 'provincial'],
  ['华龙网', 'provincial'],
  ['重庆政协报', 'provincial'],
  ['区县融媒体中心', 'city'],
];

/** Topics for titles. */
export const TOPICS = [
  '成渝地区双城经济圈建设',
  '长江经济带生态保护',
  '乡村振兴',
  '中小企业融资',
  '养老服务体系',
  '义务教育均衡发展',
  '基层医疗卫生',
  '城市更新',
  '营商环境优化',
  '文化旅游融合',
  '智能制造',
  '农村人居环境整治',
  '职业教育',
  '公共卫生应急',
  '山地城市交通',
  '历史文化街区保护',
  '民营经济发展',
  '生态补偿机制',
  '就业创业',
  '数字政府',
] as const;
