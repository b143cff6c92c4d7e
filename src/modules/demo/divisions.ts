// The slice of the national statistical division codes (统计用区划代码) the demo
// needs: 榆林市榆阳区 → 孟家湾乡 and its village committees. Shipped here rather
// than depending on a 180 MB package at run time.
export const DEMO_COUNTY = { code: '610802', name: '榆阳区' };
export const DEMO_TOWNSHIP = { code: '610802205', name: '孟家湾乡' };
export const DEMO_VILLAGES: { code: string; name: string }[] = [
  { code: '610802205200', name: '孟家湾村' },
  { code: '610802205201', name: '圪求河村' },
  { code: '610802205205', name: '四道河则村' },
  { code: '610802205206', name: '三道河则村' },
  { code: '610802205207', name: '三滩村' },
  { code: '610802205208', name: '神树湾村' },
  { code: '610802205209', name: '恍忽兔村' },
  { code: '610802205210', name: '马场村' },
  { code: '610802205211', name: '马大滩村' },
  { code: '610802205212', name: '野目盖村' },
  { code: '610802205213', name: '树肯壕村' },
  { code: '610802205214', name: '波直汗村' },
  { code: '610802205215', name: '板城滩村' },
  { code: '610802205216', name: '大圪堵村' },
];
export const GROUP_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组'];
