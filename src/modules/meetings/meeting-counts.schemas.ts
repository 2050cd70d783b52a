import { z } from 'zod';
import { ITEM_DECISION_TYPES, LEGAL_BASES } from '../../shared/meeting-vocabulary';
import { ZSafeCount } from '../../shared/small-counts';

/** What the program manager sees of meetings: sessions, cases and decisions by body, small counts suppressed. */
export const ZMeetingCounts = z.object({
  fiscalYear: z.number(),
  bodies: z.array(
    z.object({
      bodyId: z.string(),
      bodyName: z.string(),
      legalBasis: z.enum(LEGAL_BASES),
      sessionsHeld: z.number(),
      casesDiscussed: ZSafeCount,
      decisions: z.record(z.enum(ITEM_DECISION_TYPES), ZSafeCount),
    }),
  ),
});
export type MeetingCounts = z.infer<typeof ZMeetingCounts>;
