/**
 * Collects the young generation now, where V8's `gc` is exposed (the build threads: see
 * worker-thread.ts); elsewhere does nothing. For large short-lived buffers, such as a chart's
 * pixels: their memory lies outside V8's heap, and V8 collects them only once small objects fill
 * its young generation, which drawing a chart barely does, so a report's charts piled up first.
 */
export function collectYoungGarbage(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}
