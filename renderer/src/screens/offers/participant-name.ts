import type { ParticipantView } from '../../../../preload/contract';

export const participantName = (p: ParticipantView): string => `${p.givenName} ${p.familyName}`;
