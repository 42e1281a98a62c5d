import type { EventOutcome } from './events.js';
import type { DrawState } from './state.js';

/**
 * Why an event chose whom it chose, for the officer's output and the publication ("who came in, and why that one").
 * Computed from the state AFTER the event: the inspectors passed over keep the status that made them ineligible
 * (only the leaving inspector and the newcomer change, and each is classified separately), so the explanation is the
 * protocol's own reasoning, not a second implementation of the choice.
 */

/** Why an inspector ahead of the newcomer in the order was passed over, in the order the rules test them. */
export type PassReason = 'leaving' | 'recused' | 'onTeam' | 'conflict' | 'atLimit' | 'notSpecialist';

export const PASS_REASONS: readonly PassReason[] = [
  'leaving',
  'recused',
  'onTeam',
  'conflict',
  'atLimit',
  'notSpecialist',
];

export interface PassedOver {
  certNo: string;
  name: string;
  reason: PassReason;
}

export interface RecusalExplanation {
  /** Which order ranked the candidates: the draw's I order, or the R order under a fresh public seed. */
  order: 'I' | 'R';
  /** The newcomer's 1-based position in that order. */
  position: number;
  passedOver: PassedOver[];
  /** passedOver counted by reason, in PASS_REASONS order, zero counts left out. */
  counts: { reason: PassReason; count: number }[];
}

/** Explain a recusal's newcomer (SSJ-1 8.1): every inspector ahead of it in the order, and why each was passed over. */
export function explainRecusal(after: DrawState, o: EventOutcome, freshSeed: string): RecusalExplanation {
  const { planId, seed } = after.input;
  const _industry = after.row(o.uscc)?.industry ?? '';
  const order = freshSeed
    ? after.rank('R', freshSeed, `${planId}/${o.uscc}/${o.k}`)
    : after.rank('I', seed, `${planId}/${o.uscc}`);
  const position = order.findIndex((x) => x.inspector.certNo === o.replacementCertNo) + 1;
  const onTeam = new Set((after.teams.get(o.uscc) ?? []).map((s) => s.certNo));
  const reasonOf = (certNo: string): PassReason => {
    if (certNo === o.certNo) return 'leaving';
    if (after.wasRecused(certNo, o.uscc)) return 'recused';
    if (onTeam.has(certNo)) return 'onTeam';
    if (after.hasConflict(certNo, o.uscc)) return 'conflict';
    if (after.loadOf(certNo) >= after.maxPerInspector) return 'atLimit';
    return 'notSpecialist';
  };
  const passedOver = order
    .slice(0, Math.max(position - 1, 0))
    .map(({ inspector: i }) => ({ certNo: i.certNo, name: i.name, reason: reasonOf(i.certNo) }));
  const counts = PASS_REASONS.map((reason) => ({
    reason,
    count: passedOver.filter((p) => p.reason === reason).length,
  })).filter((c) => c.count > 0);
  if (counts.some((c) => c.reason === 'notSpecialist') && !o.neededSpecialist)
    throw new Error(`explainRecusal: ${o.replacementCertNo} is not the first eligible inspector for ${o.uscc}`);
  return { order: freshSeed ? 'R' : 'I', position, passedOver, counts };
}

export interface SwapExplanation {
  /** The partner enterprise's 1-based position among the other selected enterprises, in processing order. */
  enterprisePosition: number;
  /** The seat the partner held on its enterprise (now the leaving inspector's). */
  partnerSeat: number;
}

/** Explain a swap (SSJ-1 8.2): how far down the processing order the partner enterprise was, and the seat traded. */
export function explainSwap(after: DrawState, o: EventOutcome): SwapExplanation {
  const others = after.processingOrder().filter((r) => r.uscc !== o.uscc);
  const enterprisePosition = others.findIndex((r) => r.uscc === o.replacementUscc) + 1;
  const partnerSeat = after.teams.get(o.replacementUscc)?.find((s) => s.certNo === o.certNo)?.seat ?? 0;
  return { enterprisePosition, partnerSeat };
}
