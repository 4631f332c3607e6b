import type { EscalationStatus } from '../../generated/prisma/client.js';
import type { Database } from '../../db/client.js';
import type { Logger } from '../../log/logger.js';
import type { ParticipantOwnership } from '../access/scope.js';
import { ESCALATIONS_CHANNEL, parseEscalationSignal } from './notify.js';

/** An escalation change, with what subscribers need to decide who may see it. */
export interface EscalationUpdate {
  id: string;
  number: number;
  level: number;
  status: EscalationStatus;
  owner: ParticipantOwnership;
}

export type EscalationListener = (update: EscalationUpdate) => void;

/** One LISTEN per process, fanned out to every open console stream. */
export interface EscalationNotifier {
  subscribe(listener: EscalationListener): () => void;
  /** Called after the LISTEN connection was lost and came back: changes may have been missed. */
  onResync(callback: () => void): () => void;
  readonly subscriberCount: number;
  /** Resolves when stop() is called: open event streams end then, so the HTTP server can drain. */
  readonly stopped: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Listens on the escalation channel once and, per notification, looks the
 * escalation up once (status, level, whose it is) for all subscribers. On
 * PGlite notifications stay inside this process; on PostgreSQL they reach
 * every instance.
 */
export async function startEscalationNotifier(deps: { db: Database; log: Logger }): Promise<EscalationNotifier> {
  const listeners = new Set<EscalationListener>();
  const resyncs = new Set<() => void>();
  const log = deps.log.child({ module: 'admin-live' });

  async function deliver(payload: string): Promise<void> {
    const signal = parseEscalationSignal(payload);
    if (!signal) {
      log.warn('ignored a malformed escalation notification');
      return;
    }
    if (listeners.size === 0) return;
    const escalation = await deps.db.prisma.escalation.findUnique({
      where: { id: signal.id },
      select: {
        id: true,
        number: true,
        level: true,
        status: true,
        participant: { select: { stationId: true, caseworkerId: true, backupCaseworkerId: true } },
      },
    });
    if (!escalation) return;
    const update: EscalationUpdate = {
      id: escalation.id,
      number: escalation.number,
      level: escalation.level,
      status: escalation.status,
      owner: escalation.participant,
    };
    for (const listener of listeners) {
      try {
        listener(update);
      } catch (error) {
        log.error({ err: error }, 'an escalation listener failed');
      }
    }
  }

  const unlisten = await deps.db.sql.listen(
    ESCALATIONS_CHANNEL,
    (payload) => {
      deliver(payload).catch((error: unknown) => log.error({ err: error }, 'could not deliver an escalation notification'));
    },
    {
      onReconnected: () => {
        log.warn('the escalation LISTEN connection came back; open pages reload their lists');
        for (const callback of resyncs) callback();
      },
    },
  );

  let stopped = false;
  let markStopped: () => void = () => {};
  const stoppedPromise = new Promise<void>((resolve) => (markStopped = resolve));
  return {
    stopped: stoppedPromise,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResync(callback) {
      resyncs.add(callback);
      return () => resyncs.delete(callback);
    },
    get subscriberCount() {
      return listeners.size;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      markStopped();
      listeners.clear();
      resyncs.clear();
      await unlisten();
    },
  };
}
