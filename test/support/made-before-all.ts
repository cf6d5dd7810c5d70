// A value a test file makes once in beforeAll (a server, an enrolled till) and its tests use by name: the
// returned stand-in forwards every use to the value once it is made, and says so plainly if used before.
// It spares each file the `let`, beforeAll and afterAll that would otherwise repeat around every such value.
import { afterAll, beforeAll } from 'vitest';

export function madeBeforeAll<T extends object>(
  what: string,
  make: () => Promise<T>,
  dispose?: (value: T) => Promise<void> | void,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await make();
  });
  if (dispose)
    afterAll(async () => {
      if (value !== undefined) await dispose(value);
    });
  return standIn(() => {
    if (value === undefined) throw new Error(`${what} is made in beforeAll: use it inside a test or a hook`);
    return value;
  });
}

/**
 * An object that stands for whatever `current()` returns when it is used. It has no fields of its own:
 * reads, `in`, spreading and `instanceof` all reach the current value (Playwright checks that a page it is
 * given is a Page). Methods are bound to that value, so that code relying on `this` (a class instance) sees
 * the real object, not the stand-in.
 */
export function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      const member: unknown = Reflect.get(target, key, target);
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(current()),
  });
}
