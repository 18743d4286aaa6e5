/**
 * Escapes text so Markdown reads it back as the same characters: report text holds
 * 1.“四上”企业 (a list marker at a line start), * and _ (emphasis), [ ] (links) and | (tables).
 */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value).replace(/\r?\n/g, ' ');
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([-+#>=])/, '$1\\$2');
}
