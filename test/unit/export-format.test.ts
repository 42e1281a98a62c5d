import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { beijingDate, officialDate, officialDateTime, officialMonth, officialRange } from '../../src/io/dates.js';
import { cleanText, esc, html, table, trusted } from '../../src/io/html.js';
import { csvBytes, csvText, encodeCsv, neutralise, parseCsvEncoding } from '../../src/io/csv-write.js';
import {
  eventText,
  forPublication,
  md,
  mustWithhold,
  shellQuote,
  ticketCommand,
  type AnnouncedEvent,
  type AnnouncementData,
} from '../../src/io/announcement.js';
import { planSlug, rel } from '../../src/io/site.js';

describe('official dates (公文: 2024年1月15日, Beijing time)', () => {
  it.each([
    ['2024-01-15', '2024年1月15日'],
    ['2024-10-01', '2024年10月1日'],
    ['2024-12-31', '2024年12月31日'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, zh) => expect(officialDate(iso)).toBe(zh));

  it('months and ranges', () => {
    expect(officialMonth('2024-03')).toBe('2024年3月');
    expect(officialRange('2024-01-15', '2024-03-31')).toBe('2024年1月15日至2024年3月31日');
  });

  it('an ISO time is converted to the Beijing day (UTC+8) before formatting', () => {
    expect(beijingDate('2024-01-14T15:59:59Z')).toBe('2024-01-14');
    expect(beijingDate('2024-01-14T16:00:00Z')).toBe('2024-01-15');
    expect(beijingDate('2024-01-15T00:30:00+08:00')).toBe('2024-01-15');
    expect(officialDateTime('2024-01-10T02:00:00Z')).toBe('2024年1月10日 10:00');
    expect(officialDateTime('2023-12-31T16:05:00Z')).toBe('2024年1月1日 00:05');
  });
});

describe('HTML escaping', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert(1)</script>"'&`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</td>',
    );
  });

  it('escapes inside arrays and nested templates, passes only Html through', () => {
    const rows = ['<b>', html`<i>${'<u>'}</i>`, 3, null, false];
    expect(html`${rows}`.value).toBe('&lt;b&gt;<i>&lt;u&gt;</i>3');
    expect(html`${trusted('<br>')}`.value).toBe('<br>');
  });

  it('table cells and data-label attributes are escaped', () => {
    const t = table([{ label: '名称<x>' }], [['<img src=x onerror=alert(1)>']]).value;
    expect(t).toContain('data-label="名称&lt;x&gt;"');
    expect(t).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(t).not.toContain('<img');
  });

  it('control and bidi-override characters are replaced, not passed on', () => {
    expect(cleanText('A\u0007B\u202eC\u2066D\tE\nF')).toBe('A\ufffdB\ufffdC\ufffdD\tE\nF');
    expect(esc('x\u001b[31my')).toBe('x\ufffd[31my');
  });
});

describe('CSV for Excel', () => {
  it.each(["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a cell starting with a formula character: %j',
    (cell) => {
      expect(neutralise(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves ordinary text alone', () => {
    for (const cell of ['青禾县化工有限公司', 'a=b', '2024-01-15', '']) expect(neutralise(cell)).toBe(cell);
  });

  it('writes code columns as the code and nothing else (no tab in the data, issue 16), neutralised like any cell', () => {
    const text = csvText(
      [
        { header: '统一社会信用代码', value: (r: string) => r, code: true },
        { header: '名称', value: () => '=HYPERLINK("x")' },
      ],
      ['913713220000000001'],
    );
    expect(text).toBe('统一社会信用代码,名称\r\n913713220000000001,"\'=HYPERLINK(""x"")"\r\n');
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(back[0]!['统一社会信用代码']).toBe('913713220000000001');
    expect(csvText([{ header: 'c', value: (r: string) => r, code: true }], ['=1+1'])).toBe("c\r\n'=1+1\r\n");
  });

  it('UTF-8 with BOM by default; GB18030 on request, without BOM, round-trips every character', () => {
    const text = csvText([{ header: '名称', value: (r: string) => r }], ['青禾县𠮷祥化工（有限）公司']);
    const utf8 = encodeCsv(text);
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gb = encodeCsv(text, 'gb18030');
    expect(gb[0]).not.toBe(0xef);
    expect(iconv.decode(gb, 'gb18030')).toBe(text);
    expect(csvBytes([{ header: 'a', value: () => 1 }], [0], 'gb18030').toString('latin1')).toBe('a\r\n1\r\n');
  });

  it('accepts the encoding names people type', () => {
    expect(parseCsvEncoding('UTF-8')).toBe('utf8');
    expect(parseCsvEncoding('gbk')).toBe('gb18030');
    expect(parseCsvEncoding('GB18030')).toBe('gb18030');
    expect(parseCsvEncoding('latin1')).toBeUndefined();
  });
});

describe('Markdown escaping', () => {
  it('keeps HTML, emphasis, links and table pipes as text', () => {
    expect(md('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(md('a|b*c*_d_[e](f)`g`')).toBe('a\\|b\\*c\\*\\_d\\_\\[e\\](f)\\`g\\`');
    expect(md('# 标题')).toBe('\\# 标题');
    expect(md('- 列表')).toBe('\\- 列表');
    expect(md('1. 项')).toBe('1\\. 项');
    expect(md('SSJ-1 第1行\n第2行')).toBe('SSJ-1 第1行 第2行');
  });
});

describe('ticket check with a SHA-256 tool', () => {
  it.each(["seed with 'quotes' and $HOME", '9319./2.5.8.10.12./9.18.26.34.41.45./', '%s%d'])(
    'the printed command reproduces the ticket: %j',
    (seed) => {
      const uscc = '91371322MA3GBA89CL';
      const expected = createHash('sha256').update(`${seed}|E|2024Q1|${uscc}`, 'utf8').digest('hex');
      const out = execFileSync('sh', ['-c', ticketCommand(seed, '2024Q1', uscc)], { encoding: 'utf8' });
      expect(out.split(/\s/)[0]).toBe(expected);
    },
  );

  it('shell quoting survives a single quote', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});

describe('unannounced plans (暗查暗访, 汨罗)', () => {
  const plan = { unannounced: true, window: { end: '2024-06-30' } };

  it('withheld up to and including the last day of the window, published the day after', () => {
    expect(mustWithhold(plan, '2024-04-01')).toBe(true);
    expect(mustWithhold(plan, beijingDate('2024-06-30T15:59:59Z'))).toBe(true);
    expect(mustWithhold(plan, beijingDate('2024-06-30T16:00:00Z'))).toBe(false);
    expect(mustWithhold({ ...plan, unannounced: false }, '2024-04-01')).toBe(false);
  });

  it('removes names, codes, tickets, teams and events from the data itself, keeping counts, seed and hash', () => {
    const d = sampleData();
    const w = forPublication(d, '2024-05-01');
    expect(w.enterprises).toEqual([]);
    expect(w.events).toEqual([]);
    expect(w.withheld).toEqual({ until: '2024-06-30', enterprises: 1, events: 1 });
    expect(w.draw.seed).toBe(d.draw.seed);
    expect(w.draw.poolHash).toBe(d.draw.poolHash);
    expect(w.strata).toEqual(d.strata);
    const json = JSON.stringify(w);
    for (const secret of ['保密化工', '91371322MA3GBA89CL', 'ab'.repeat(32), '张三', '371323010001'])
      expect(json).not.toContain(secret);
    expect(forPublication(d, '2024-07-01').enterprises).toHaveLength(1);
  });
});

describe('event wording', () => {
  const base: AnnouncedEvent = {
    seq: 1,
    type: 'recusal',
    at: '2024-01-11T02:00:00Z',
    enterprise: { uscc: '91371322MA3GBA89CL', name: '甲公司' },
    inspector: { seat: 2, certNo: '371323010001', name: '张三', unit: '' },
    replacement: { seat: 2, certNo: '371323010002', name: '李四', unit: '' },
    otherEnterprise: null,
    freshSeed: '',
    reason: '亲属在该企业任职',
  };

  it('says a recusal took the next in the original order', () => {
    expect(eventText(base)).toBe(
      '2024年1月11日，张三（执法证号371323010001）回避甲公司（91371322MA3GBA89CL）的检查；按原抽签顺序（SSJ-1 I 签），由其后第一位符合条件的人员李四（执法证号371323010002）递补（原因：亲属在该企业任职）。',
    );
  });

  it('says a recusal used a fresh public seed, and which', () => {
    const t = eventText({ ...base, freshSeed: '体彩排列五第24011期' });
    expect(t).toContain('以新公开的随机种子“体彩排列五第24011期”重新排序（SSJ-1 R 签）');
    expect(t).not.toContain('原抽签顺序');
  });

  it('names both enterprises of a replacement', () => {
    const t = eventText({
      ...base,
      type: 'replacement',
      inspector: null,
      replacement: null,
      otherEnterprise: { uscc: '91371322MA33FUWN9J', name: '乙公司' },
      reason: '已注销',
    });
    expect(t).toBe(
      '2024年1月11日，甲公司（91371322MA3GBA89CL）不再检查，由本层第一家备选企业乙公司（91371322MA33FUWN9J）递补，并按同样规则抽取检查事项和检查组（原因：已注销）。',
    );
  });
});

describe('site paths', () => {
  it('plain ids are used as file names; others get a hash, so ".." cannot climb out', () => {
    expect(planSlug('2024Q1')).toBe('2024Q1');
    expect(planSlug('2024.Q1-a_b')).toBe('2024.Q1-a_b');
    for (const id of ['..', '.', '.hidden', '2024一季度', 'a..b']) expect(planSlug(id)).toMatch(/^plan-[0-9a-f]{12}$/);
  });

  it('links are relative to the page', () => {
    expect(rel('index.html', 'tasks/2024Q1.html')).toBe('tasks/2024Q1.html');
    expect(rel('tasks/2024Q1.html', 'bundles/2024Q1/manifest.json')).toBe('../bundles/2024Q1/manifest.json');
    expect(rel('results/2024-02.html', 'index.html')).toBe('../index.html');
  });
});

function sampleData(): AnnouncementData {
  return {
    office: '青禾县应急管理局',
    plan: {
      id: '2024Q2',
      title: '暗查',
      year: 2024,
      window: { start: '2024-04-01', end: '2024-06-30' },
      unannounced: true,
      cap: { perYear: 1, exempt: { credit: [], flags: [] } },
      team: { size: 2, specialists: 1 },
      itemsPerEnterprise: 3,
    },
    strata: [{ name: '全部', where: {}, ratio: '5%', min: 0, population: 20, pool: 20, selected: 1, reserves: 3 }],
    draw: {
      algorithm: 'SSJ-1',
      seed: 'seed',
      seedSource: 'src',
      frozenAt: null,
      drawnAt: '2024-03-25T02:00:00Z',
      poolHash: 'cd'.repeat(32),
      redrawReason: null,
      voided: [],
    },
    chainHead: { seq: 3, hash: 'ef'.repeat(32) },
    issuedOn: '2024-05-01',
    enterprises: [
      {
        stratum: '全部',
        rank: 1,
        uscc: '91371322MA3GBA89CL',
        name: '保密化工',
        ticket: 'ab'.repeat(32),
        team: [{ seat: 1, certNo: '371323010001', name: '张三', unit: '局' }],
        items: [{ code: 'AQ-01', name: '责任制' }],
      },
    ],
    events: [
      {
        seq: 1,
        type: 'recusal',
        at: '2024-03-26T02:00:00Z',
        enterprise: { uscc: '91371322MA3GBA89CL', name: '保密化工' },
        inspector: { seat: 1, certNo: '371323010001', name: '张三', unit: '局' },
        replacement: { seat: 1, certNo: '371323010002', name: '李四', unit: '局' },
        otherEnterprise: null,
        freshSeed: '',
        reason: '',
      },
    ],
    withheld: null,
  };
}
