// Deterministic demo household registry for 孟家湾乡 (榆林市榆阳区, area code 610802).
// Pure: no I/O, no clock; the same options always yield the same output.
import { makeIdNumber } from '../../shared/idnumber.js';
import { mulberry32 } from './random.js';
import type { ResidentTag } from '../../shared/tags.js';

export interface DemoResident {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone?: string;
  relation: string;
  tags: string[];
}
export interface DemoHousehold {
  gridKey: string;
  address: string;
  phone: string;
  residents: DemoResident[];
}
export interface DemoGrid {
  key: string;
  villageName: string;
  groupName: string;
}

const AREA = '610802';
const DAY_MS = 86_400_000;
// Weighted by repetition: surnames common in northern Shaanxi.
const SURNAMES = [...'王王王王李李李张张刘刘刘高高高高马马马郝郝杨杨贺贺白白孟孟孟乔苏曹任折冯常霍薛拓艾呼慕'];
const GIVEN = {
  male: {
    old: [...'建国军伟强明平志华东海峰斌刚林涛亮宏文武忠德福贵生有全荣义山成厚满堂发金玉'],
    young: [...'浩宇博轩睿旭阳昊晨泽鑫俊杰磊鹏飞航铭豪凯瑞锦辰嘉'],
  },
  female: { old: [...'秀英兰梅芳丽娟霞艳玲红琴凤珍花桂燕萍彩云香莲翠'], young: [...'静敏婷慧雪佳欣怡悦雨萱梦瑶彤琳璐晓妍诗可馨蕊'] },
};
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '187',
  '188',
  '189',
  '191',
  '193',
  '199',
];

type Kind = 'alone' | 'oldCouple' | 'couple' | 'threeGenUp' | 'threeGenDown' | 'leftBehind' | 'single' | 'youngCouple';
const KIND_WEIGHTS: [Kind, number][] = [
  ['alone', 0.07],
  ['oldCouple', 0.16],
  ['couple', 0.32],
  ['threeGenUp', 0.13],
  ['threeGenDown', 0.1],
  ['leftBehind', 0.08],
  ['single', 0.06],
  ['youngCouple', 0.08],
];

interface Draft {
  name: string;
  gender: 'male' | 'female';
  age: number;
  birthDate: string;
  relation: string;
  tags: ResidentTag[];
  phone?: string;
}

export function generateDemoHouseholds(opts: { grids: DemoGrid[]; householdsPerGrid: number; seed: number; today: string }): DemoHousehold[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.today);
  if (!m) throw new Error(`today must be YYYY-MM-DD, got ${opts.today}`);
  const [ty, tm, td] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = Math.max(0, Math.floor(opts.householdsPerGrid));
  const rnd = mulberry32(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const usedIds = new Set<string>();
  const usedPhones = new Set<string>();
  const namesByVillage = new Map<string, Set<string>>();

  // Birth date such that the full-year age on `today` is exactly `age`.
  const birthFor = (age: number): string => {
    const base = new Date(Date.UTC(ty - age, tm - 1, td));
    if (base.getUTCMonth() !== tm - 1) base.setUTCDate(0); // 02-29 in a non-leap year -> 02-28
    const ms = base.getTime() - int(0, 364) * DAY_MS;
    return new Date(Math.min(ms, Date.UTC(ty, tm - 1, td))).toISOString().slice(0, 10);
  };
  const givenName = (gender: 'male' | 'female', young: boolean): string => {
    const pool = young ? GIVEN[gender].young : GIVEN[gender].old;
    const a = pick(pool);
    if (chance(0.2)) return a;
    let b = pick(pool);
    while (b === a) b = pick(pool);
    return a + b;
  };
  const phone = (): string => {
    for (;;) {
      const p = pick(PHONE_PREFIXES) + String(int(0, 99_999_999)).padStart(8, '0');
      if (p.startsWith('138000000')) continue; // reserved test range 13800000000..13800000099 and neighbours
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };

  function buildHousehold(kind: Kind, village: Set<string>): Draft[] {
    const person = (age: number, gender: 'male' | 'female', relation: string, surname = pick(SURNAMES)): Draft => {
      const birthDate = birthFor(age);
      const young = Number(birthDate.slice(0, 4)) >= 1980;
      let name = surname + givenName(gender, young);
      for (let i = 0; i < 40 && village.has(name); i++) name = surname + givenName(gender, young);
      village.add(name);
      return { name, gender, age, birthDate, relation, tags: [] };
    };
    // A married couple; the husband heads the household most of the time.
    const couple = (minAge: number, maxAge: number, headRel = '户主', spouseRel = '配偶', surname = pick(SURNAMES)) => {
      const hAge = int(minAge, maxAge);
      const wAge = Math.max(20, hAge - int(-2, 5));
      const husband = person(hAge, 'male', headRel, surname);
      const wife = person(wAge, 'female', spouseRel);
      if (headRel === '户主' && chance(0.12)) {
        husband.relation = spouseRel;
        wife.relation = headRel;
        return { surname, pair: [wife, husband] };
      }
      return { surname, pair: [husband, wife] };
    };
    // Children whose parents were 20-40 at their birth.
    const kids = (parents: Draft[], count: number, relation: string, surname: string, maxAge = 99, minAge = 0): Draft[] => {
      const hi = Math.min(maxAge, ...parents.map((p) => p.age - 20));
      const lo = Math.max(minAge, ...parents.map((p) => p.age - 40));
      if (hi < lo) return [];
      return Array.from({ length: count }, () => int(lo, hi))
        .sort((a, b) => b - a)
        .map((age) => person(age, chance(0.52) ? 'male' : 'female', relation, surname));
    };
    switch (kind) {
      case 'alone': {
        const p = person(int(70, 92), chance(0.4) ? 'male' : 'female', '户主');
        p.tags.push('elderly_alone');
        return [p];
      }
      case 'oldCouple':
        return couple(60, 85).pair;
      case 'youngCouple':
        return couple(22, 35).pair;
      case 'couple': {
        const { surname, pair } = couple(26, 58);
        const out = [...pair, ...kids(pair, int(1, 3), '子女', surname)];
        if (out.length < 6 && chance(0.05)) out.push(person(int(18, 40), chance(0.5) ? 'male' : 'female', '其他'));
        return out;
      }
      case 'single': {
        const head = person(int(25, 65), chance(0.8) ? 'male' : 'female', '户主');
        const out = [head];
        if (chance(0.3)) out.push(person(Math.max(20, head.age + int(-8, 8)), chance(0.7) ? 'male' : 'female', '兄弟姐妹', head.name[0]));
        return out;
      }
      case 'threeGenDown': {
        const { surname, pair } = couple(32, 52);
        const out = [...pair, ...kids(pair, int(1, 2), '子女', surname, 17)];
        const hAge = pair[0].age; // the head's own parents, born 20-40 years before the head
        if (chance(0.4)) out.push(person(hAge + int(22, 36), 'male', '父母', pair[0].name[0]));
        if (out.length < 6) out.push(person(hAge + int(20, 34), 'female', '父母'));
        return out;
      }
      case 'threeGenUp':
      case 'leftBehind': {
        const up = kind === 'threeGenUp';
        const { surname, pair } = couple(up ? 55 : 52, up ? 78 : 72);
        const elders = chance(0.8) ? pair : [pick(pair)]; // sometimes widowed
        elders[0].relation = '户主';
        const [son] = kids(elders, 1, '子女', surname, up ? 50 : 45, 24);
        const dil = person(Math.max(22, son.age - int(-1, 4)), 'female', '儿媳');
        const grandkids = kids([son, dil], int(1, 2), '孙子女', surname, up ? 25 : 15, up ? 0 : 2);
        if (kind === 'threeGenUp') return [...elders, son, dil, ...grandkids];
        // The middle generation works away from home: not registered here.
        village.delete(son.name);
        village.delete(dil.name);
        for (const g of grandkids) g.tags.push('left_behind_child');
        return grandkids.length ? [...elders, ...grandkids] : elders;
      }
    }
  }

  function tagPerson(p: Draft): void {
    if (chance(0.02)) p.tags.push('severe_disability');
    if (p.age < 18) return;
    if (chance(p.age >= 50 ? 0.12 : 0.05)) p.tags.push('party_member');
    if (p.age >= 22 && p.age <= 80 && chance(p.gender === 'male' ? 0.08 : 0.005)) p.tags.push('veteran');
    if (p.age <= 55 && chance(0.065)) p.tags.push('floating');
    if (chance(0.006)) p.tags.push('severe_mental');
    const male = p.gender === 'male';
    if (p.age <= 60 && chance(male ? 0.02 : 0.004)) p.tags.push('community_correction');
    else if (p.age >= 25 && p.age <= 70 && chance(male ? 0.016 : 0.003)) p.tags.push('released_prisoner');
    else if (p.age >= 35 && p.age <= 75 && chance(0.018)) p.tags.push('notable');
  }

  const out: DemoHousehold[] = [];
  for (const grid of opts.grids) {
    const village = namesByVillage.get(grid.villageName) ?? new Set<string>();
    namesByVillage.set(grid.villageName, village);
    const kinds: Kind[] = Array.from({ length: n }, () => {
      let r = rnd();
      for (const [k, w] of KIND_WEIGHTS) {
        r -= w;
        if (r < 0) return k;
      }
      return 'couple';
    });
    if (n >= 20 && !kinds.includes('alone')) kinds[int(0, n - 1)] = 'alone';
    const families = kinds.map((kind) => {
      const members = buildHousehold(kind, village);
      members.forEach(tagPerson);
      const poorRate = kind === 'alone' ? 0.2 : kind === 'oldCouple' || kind === 'leftBehind' ? 0.1 : 0.045;
      if (chance(poorRate)) for (const p of members) p.tags.unshift('poor');
      return members;
    });
    // Guarantee the tags monthly visit plans depend on in every reasonably sized grid.
    if (n >= 20) {
      const all = families.flat();
      const has = (t: ResidentTag) => all.some((p) => p.tags.includes(t));
      const clean = (p: Draft) => p.age >= 18 && !p.tags.some((t) => t === 'community_correction' || t === 'released_prisoner');
      if (!has('poor')) {
        const elderly = families.filter((f) => f[0].age >= 60);
        for (const p of pick(elderly.length ? elderly : families)) p.tags.unshift('poor');
      }
      if (!has('severe_disability')) pick(all).tags.push('severe_disability');
      const adults = all.filter(clean).length ? all.filter(clean) : all.filter((p) => p.age >= 18);
      if (!has('party_member')) pick(adults).tags.push('party_member');
      if (!has('notable')) {
        const mid = adults.filter((p) => p.age >= 35 && p.age <= 75);
        pick(mid.length ? mid : adults).tags.push('notable');
      }
    }
    let houseNo = 0;
    for (const members of families) {
      houseNo += int(1, 3);
      for (const p of members) if (p.age >= 18 && chance(p.age >= 75 ? 0.55 : 0.92)) p.phone = phone();
      const contact = members.find((p) => p.phone) ?? members[0];
      contact.phone ??= phone();
      out.push({
        gridKey: grid.key,
        address: `${grid.villageName}${grid.groupName}${houseNo}号`,
        phone: contact.phone,
        residents: members.map((p) => {
          let seq = int(0, 999),
            idNumber = makeIdNumber(AREA, p.birthDate, seq, p.gender);
          for (let i = 0; usedIds.has(idNumber); i++) {
            if (i > 1000) throw new Error(`ran out of ID sequence numbers for ${p.birthDate}`);
            seq += 2;
            idNumber = makeIdNumber(AREA, p.birthDate, seq, p.gender);
          }
          usedIds.add(idNumber);
          const r: DemoResident = { name: p.name, gender: p.gender, birthDate: p.birthDate, idNumber, relation: p.relation, tags: [...new Set(p.tags)] };
          if (p.phone) r.phone = p.phone;
          return r;
        }),
      });
    }
  }
  return out;
}
