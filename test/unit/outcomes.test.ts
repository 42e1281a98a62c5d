import { describe, expect, it } from 'vitest';
import { FOLLOW_UPS, OUTCOMES, outcomeName } from '../../src/domain/outcomes.js';
import { parseDecision, parseFollowUp, parseOutcome } from '../../src/cli/choices.js';
import { SsjError } from '../../src/errors.js';
import { t } from '../../src/i18n/index.js';

describe('outcomes (高青 8.3 and the national platforms)', () => {
  it('has the eight categories of 高青 8.3 in order, then the two platform states', () => {
    expect(OUTCOMES.map((o) => o.zh)).toEqual([
      '未发现问题',
      '未按规定公示应当公示的信息',
      '公示信息隐瞒真实情况、弄虚作假',
      '通过登记的住所(经营场所)无法联系',
      '发现问题已责令改正',
      '不予配合情节严重',
      '发现问题待后续处理',
      '未发现开展本次抽查涉及的经营活动',
      '已关闭停业或正在清算',
      '注销/吊销/撤销/迁出',
    ]);
    expect(new Set(OUTCOMES.map((o) => o.code)).size).toBe(10);
  });

  it.each([
    ['no-issue', 'no-issue'],
    ['  NO-ISSUE ', 'no-issue'],
    ['未发现问题', 'no-issue'],
    ['通过登记的住所（经营场所）无法联系', 'unreachable'], // full-width brackets as typed in Chinese
    ['通过登记的住所(经营场所)无法联系', 'unreachable'],
    ['发现问题已责令改正', 'rectify'],
    ['已吊销', 'deregistered'],
    ['注销/吊销/撤销/迁出', 'deregistered'],
    ['已关闭停业或正在清算', 'closed'],
  ])('reads %j as %s', (input, code) => {
    expect(parseOutcome(input)).toBe(code);
  });

  it('refuses an unknown outcome with exit 3, listing every valid one in both forms', () => {
    let err: unknown;
    try {
      parseOutcome('合格');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SsjError);
    const e = err as SsjError;
    expect(e.exitCode).toBe(3);
    expect(e.code).toBe('result.unknownOutcome');
    const text = t('zh', e.code, e.details);
    expect(text).toContain('合格');
    for (const o of OUTCOMES) {
      expect(text).toContain(o.code);
      expect(text).toContain(o.zh);
    }
  });

  it('shows stored codes by name, and an unknown stored code as is', () => {
    expect(outcomeName('rectify')).toBe('发现问题已责令改正');
    expect(outcomeName('rectify', 'en')).toBe('problem found, ordered to rectify');
    expect(outcomeName('legacy-code')).toBe('legacy-code');
  });
});

describe('follow-up actions and objection decisions', () => {
  it('reads every follow-up by code and by name', () => {
    for (const f of FOLLOW_UPS) {
      expect(parseFollowUp(f.code)).toBe(f.code);
      expect(parseFollowUp(f.zh)).toBe(f.code);
    }
    expect(FOLLOW_UPS.map((f) => f.zh)).toEqual([
      '无需后续处置',
      '责令改正',
      '立案查处',
      '移送其他行政机关',
      '移送司法机关',
      '抄告相关部门',
      '其他',
    ]);
  });

  it('refuses an unknown follow-up and an unknown decision', () => {
    expect(() => parseFollowUp('罚款')).toThrow(SsjError);
    expect(parseDecision('upheld')).toBe('upheld');
    expect(parseDecision('异议不成立')).toBe('rejected');
    expect(() => parseDecision('maybe')).toThrow(SsjError);
  });
});
