// Applies the fault effects due to a request (armed faults, `Prefer`): latency, a dropped connection or a problem answer.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultEffect } from '../faults.js';
import { sendProblem } from './reply.js';

/**
 * Waits the summed latency, then drops the connection or answers the first problem. Returns whether it did: the
 * caller stops then (`reply.sent` is not enough: an async onSend hook, as certification mode's, leaves it false).
 */
export async function applyFaults(reply: FastifyReply, request: FastifyRequest, effects: FaultEffect[]): Promise<boolean> {
  const latency = effects.reduce((sum, e) => sum + e.latencyMs, 0);
  if (latency > 0) await sleep(latency);
  if (effects.some((e) => e.drop)) {
    request.raw.socket.destroy();
    reply.hijack();
    return true;
  }
  const problem = effects.find((e) => e.problem)?.problem;
  if (!problem) return false;
  sendProblem(reply, problem);
  return true;
}
