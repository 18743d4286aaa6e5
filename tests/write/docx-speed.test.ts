import { NextAttributeComponent } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxAttributesAsShipped, speedUpDocx } from '../../pipeline/write/docx/docx-speed.js';

describe('DOCX attributes written one by one', () => {
  // The payloads docx's own elements build: some values unset, one name given twice.
  const payloads = [
    { val: { key: 'w:val', value: 'single' }, sz: { key: 'w:sz', value: 8 }, space: { key: 'w:space', value: 0 }, color: { key: 'w:color', value: undefined } },
    { a: { key: 'w:w', value: 1200 }, b: { key: 'w:type', value: 'dxa' }, c: { key: 'w:w', value: 2400 } },
    { only: { key: 'w:hint', value: undefined } },
    {},
  ];

  it('gives what docx’s own code gives, key for key and in the same order', () => {
    speedUpDocx();
    for (const payload of payloads) {
      const component = new NextAttributeComponent(payload as never) as unknown as { prepForXml(context: unknown): { _attr: Record<string, unknown> } };
      const ours = component.prepForXml({});
      const theirs = docxAttributesAsShipped.call(component as never, {});
      expect(Object.entries(ours._attr)).toEqual(Object.entries(theirs._attr));
    }
    // The patch is the one in use.
    expect(NextAttributeComponent.prototype.prepForXml).not.toBe(docxAttributesAsShipped);
  });
});
