import { afterAll, beforeAll } from 'vitest';
import { createWorld, type World } from './index';

/**
 * For a test file: builds the default world (real file, simulator over HTTP) before its first test, funds
 * the agent, hands it to `ready`, and closes it after its last test.
 */
export function withWorld(fundMinor: number, ready: (world: World) => unknown): void {
  let world: World | undefined;
  beforeAll(async () => {
    world = await createWorld();
    await world.fund(fundMinor);
    await ready(world); // an async `ready` finishes before the first test
  }, 60_000);
  afterAll(async () => world?.close());
}
