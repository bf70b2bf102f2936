import './style.css';
import { render } from 'preact';
import { createShadowRootUi, defineContentScript, type ContentScriptContext } from '#imports';
import { extractLinkedinProfile } from '../../captures/linkedin-profile';
import { isPage } from '../../captures/pages';
import { SaveButton } from './SaveButton';

/**
 * LinkedIn is a single-page app: the script runs on every LinkedIn page and shows the save control
 * whenever the current URL is a profile, re-checking on in-app navigation.
 */
export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    let ui: Awaited<ReturnType<typeof mount>> | undefined;
    const update = async (href: string) => {
      ui?.remove();
      ui = isPage('linkedinProfile', href) ? await mount(ctx) : undefined;
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void update(newUrl.href));
    await update(location.href);
  },
});

async function mount(ctx: ContentScriptContext) {
  const ui = await createShadowRootUi(ctx, {
    name: 'clipsheet-save',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      // Extract at click time, so content that arrived late is included.
      render(<SaveButton capture={() => extractLinkedinProfile(document, location.href)} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
