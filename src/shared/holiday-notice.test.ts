import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHolidayNotice } from './holiday-notice.js';
import { calendarProblem, dateRange } from './work-calendar.js';

const require = createRequire(import.meta.url);
const shipped = (y: number) => {
  const data = JSON.parse(readFileSync(require.resolve(`chinese-days/dist/years/${y}.json`), 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return { holidays: Object.keys(data.holidays).sort(), workdays: Object.keys(data.workdays).sort() };
};

// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), as published.
const NOTICE_2025 = `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日`;

// 国务院办公厅关于2026年部分节假日安排的通知, as published (pasted as one line, the way a web page copies).
const NOTICE_2026 =
  '经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。' +
  '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。' +
  '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。' +
  '三、清明节：4月4日（周六）至6日（周一）放假，共3天。' +
  '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。' +
  '五、端午节：6月19日（周五）至21日（周日）放假，共3天。' +
  '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。' +
  '七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。';

describe('parseHolidayNotice', () => {
  it.each([
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('reads the %i notice exactly as chinese-days has it', (year, text) => {
    const r = parseHolidayNotice(text as string, year as number);
    expect(r.holidays).toEqual(shipped(year as number).holidays);
    expect(r.workdays).toEqual(shipped(year as number).workdays);
    expect(r.warnings).toEqual([]);
    expect(r.outside).toEqual([]);
    expect(r.noticeYear).toBe(year);
  });

  it('keeps each item with its name and stated count', () => {
    const r = parseHolidayNotice(NOTICE_2025, 2025);
    expect(r.items.map((i) => [i.name, i.holidays.length, i.declaredDays, i.workdays.length])).toEqual([
      ['元旦', 1, 1, 0],
      ['春节', 8, 8, 2],
      ['清明节', 3, 3, 0],
      ['劳动节', 5, 5, 1],
      ['端午节', 3, 3, 0],
      ['国庆节、中秋节', 8, 8, 2],
    ]);
    // A range across months, and two 上班 days in one sentence.
    expect(r.items[1].holidays).toEqual(dateRange('2025-01-28', '2025-02-04'));
    expect(r.items[1].workdays).toEqual(['2025-01-26', '2025-02-08']);
    expect(r.items[4].holidays).toEqual(['2025-05-31', '2025-06-01', '2025-06-02']);
    expect(r.names['2025-10-11']).toBe('国庆节、中秋节');
    expect(r.names['2025-01-26']).toBe('春节');
  });

  it('takes the year from the page, and says when the notice is for another year', () => {
    const r = parseHolidayNotice(NOTICE_2026, 2027);
    expect(r.holidays[0]).toBe('2027-01-01');
    expect(r.warnings[0]).toBe('这份通知是2026年的，当前录入的是2027年');
  });

  it('flags a stated count that disagrees, days outside the year, and a 上班 day on a weekday', () => {
    const r = parseHolidayNotice('二、春节：2月5日（周五）至11日（周四）放假调休，共8天。2月10日（周三）上班。', 2027);
    expect(r.holidays).toEqual(dateRange('2027-02-05', '2027-02-11'));
    expect(r.warnings.some((w) => w.includes('写明共8天，识别出7天'))).toBe(true);
    expect(r.warnings.some((w) => w.includes('2月10日（周三）不是周末'))).toBe(true);
    const ny = parseHolidayNotice('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
    expect(ny.holidays).toEqual(['2019-01-01']);
    expect(ny.outside).toEqual(['2018-12-29', '2018-12-30', '2018-12-31']);
    expect(ny.items[0].holidays.length).toBe(3);
    expect(ny.warnings.some((w) => w.includes('不属于2019年'))).toBe(true);
  });

  it('reads a range into the next year without a year written, full-width digits, and 补休', () => {
    const r = parseHolidayNotice('一、元旦：１２月３０日至１月１日放假，共3天。', 2026);
    expect(r.items[0].holidays).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    const b = parseHolidayNotice('一、元旦：1月1日放假，1月2日（星期一）补休。', 2017);
    expect(b.holidays).toEqual(['2017-01-01', '2017-01-02']);
  });

  it('says so when it finds nothing', () => {
    expect(parseHolidayNotice('节假日期间，各地区要妥善安排值班。', 2027).warnings).toEqual(['没有识别出放假或上班的日期，请粘贴通知中“一、元旦：……”起的正文']);
  });

  it('never throws, and what it returns for the year always passes the save check once the flagged days are dropped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2000, max: 2099 }), (s, y) => {
        const r = parseHolidayNotice(s, y);
        const work = r.workdays.filter((d) => !r.holidays.includes(d) && [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
        expect(calendarProblem(y, r.holidays, work)).toBeNull();
      }),
    );
  });
});

describe('calendarProblem', () => {
  it('accepts a good year and names each kind of mistake', () => {
    expect(calendarProblem(2026, shipped(2026).holidays, shipped(2026).workdays)).toBeNull();
    expect(calendarProblem(2027, ['2027-02-30'], [])?.code).toBe('VALIDATION_FAILED');
    expect(calendarProblem(2027, ['2026-12-31'], [])?.code).toBe('VALIDATION_FAILED');
    expect(calendarProblem(2027, ['2027-2-5'], [])?.code).toBe('VALIDATION_FAILED');
    expect(calendarProblem(2027, ['2027-02-06'], ['2027-02-06'])?.code).toBe('HOLIDAY_IS_WORKDAY');
    const weekday = calendarProblem(2027, [], ['2027-02-10']);
    expect(weekday?.code).toBe('WORKDAY_NOT_WEEKEND');
    expect(weekday?.zh).toContain('2月10日（周三）');
  });
});
