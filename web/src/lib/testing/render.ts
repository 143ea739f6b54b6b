import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach } from 'vitest';

const mounted: Record<string, unknown>[] = [];

/** Mounts a component into the jsdom document for a `*.svelte.test.ts`; unmounted after each test. */
export function render<Props extends Record<string, unknown>>(component: Component<Props>, props: Props): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted.push(mount(component, { target, props }));
  flushSync();
  return target;
}

afterEach(() => {
  for (const instance of mounted.splice(0)) unmount(instance);
  document.body.innerHTML = '';
});
