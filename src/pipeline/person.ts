import type { ChannelName } from '../core/messages.js';
import type { Locale } from '../i18n/index.js';

/** Who is talking, as the pipeline and conversation code see them. */
export interface Person {
  kind: 'participant' | 'family' | 'staff';
  /** The participant's, family member's or staff user's id. */
  id: string;
  /** The participant this is about: their own id, or the one a family member belongs to. */
  participantId: string | null;
  displayName: string;
  locale: Locale;
  stationId: string | null;
}

/** The linked chat account a message came from. */
export interface Sender {
  identityId: string;
  channel: ChannelName;
  chatId: string;
  optedOut: boolean;
  person: Person;
  /** When this chat account last wrote, and whether it could be reached; left out when not known. */
  lastSeenAt?: Date | null;
  reachable?: boolean;
}

/** ConversationState is keyed per person, whichever channel they use. */
export function ownerKey(person: Person): string {
  return `${person.kind}:${person.id}`;
}
