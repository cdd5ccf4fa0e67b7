/**
 * The picker's first render (server-side: no DOM library is installed for unit tests): an
 * accessible combobox whose every string comes from the regions messages. Its keyboard and
 * search behaviour is exercised in the browser test.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../src/i18n';
import RegionPicker from '../../../src/ui/RegionPicker.svelte';

describe('RegionPicker', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`renders a closed ARIA combobox with its ${lang} texts`, () => {
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
      const { body } = render(RegionPicker, { props: { lang, t, onpick: () => {} } });
      expect(body).toMatch(/<input[^>]*role="combobox"/);
      expect(body).toMatch(/aria-expanded="false"/);
      expect(body).toMatch(/aria-autocomplete="list"/);
      const controls = /aria-controls="([^"]+)"/.exec(body)?.[1];
      expect(controls).toBeTruthy();
      expect(body).toContain(`<ul id="${controls}" role="listbox"`);
      expect(body).not.toMatch(/aria-activedescendant/);
      expect(body).toContain(t('regions.label'));
      expect(body).toContain(`placeholder="${t('regions.placeholder')}"`);
      expect(body).toContain(t('regions.instructions'));
    });
  }
});
