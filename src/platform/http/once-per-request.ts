import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A value built at most once per request, on first use, and shared by every part of the request
 * that asks for it (route handler, page, reminders). Used for the staff context: the organ tree is
 * read once however many helpers need the signed-in person's organs, and the flash message is taken
 * once. Requests that never ask pay nothing (the public portal, the API reads).
 */
export function oncePerRequest<T>(build: (request: FastifyRequest, reply: FastifyReply) => Promise<T>) {
  const built = new WeakMap<FastifyRequest, Promise<T>>();
  return (request: FastifyRequest, reply: FastifyReply): Promise<T> => {
    let value = built.get(request);
    if (!value) {
      value = build(request, reply);
      built.set(request, value);
    }
    return value;
  };
}
