// Sending answers: problems as application/problem+json (RFC 9457) with the contract's code, and JSON
// bodies serialized once, as the exact string that an idempotent replay will send again.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Outcome, Problem } from '../domain/problem';
import { TITLES } from '../domain/problem';

export const PROBLEM_TYPE = 'application/problem+json';
export const JSON_TYPE = 'application/json; charset=utf-8';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends a write's answer and keeps it for idempotent replays (app.ts gives one to the till routes). */
export interface WriteFinisher {
  (request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply;
}

export function problemAnswer(problem: Problem): Answer {
  const body = {
    type: `https://atouts.example/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[problem.code],
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
  };
  // Extension members never replace the standard ones.
  const extended = problem.extra ? { ...problem.extra, ...body } : body;
  return { status: problem.status, contentType: PROBLEM_TYPE, body: JSON.stringify(extended) };
}

export function jsonAnswer(status: number, value: unknown): Answer {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

export function outcomeAnswer<T>(outcome: Outcome<T>, status = 200): Answer {
  return outcome.ok ? jsonAnswer(status, outcome.value) : problemAnswer(outcome.problem);
}

export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.status === 429 || answer.status === 503) reply.header('retry-after', '1');
  return reply.code(answer.status).type(answer.contentType).send(answer.body);
}
