// Applies the fault effects due to a request (armed faults, `Prefer`): latency, a dropped connection or a problem answer.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultEffect } from '../faults.js';
import { sendProblem } from './reply.js';

/** Waits the summed latency, then drops the connection or answers the first problem; the caller stops if `reply.sent`. */
export async function applyFaults(reply: FastifyReply, request: FastifyRequest, effects: FaultEffect[]): Promise<void> {
  const latency = effects.reduce((sum, e) => sum + e.latencyMs, 0);
  if (latency > 0) await sleep(latency);
  if (effects.some((e) => e.drop)) {
    request.raw.socket.destroy();
    reply.hijack();
    return;
  }
  const problem = effects.find((e) => e.problem)?.problem;
  if (problem) sendProblem(reply, problem);
}
