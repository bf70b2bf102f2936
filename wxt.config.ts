import { defineConfig } from 'wxt';

// The extension's source lives in extension/ (the design card's layout); shared/ is imported relatively.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Clipsheet',
    description: 'Clip leads from LinkedIn, Gmail and any page into your team’s Google Sheet CRM.',
    permissions: ['storage', 'alarms', 'activeTab', 'contextMenus', 'sidePanel', 'notifications', 'scripting'],
    action: { default_title: 'Clip this page to Clipsheet' },
    commands: { 'clip-page': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Clip this page to Clipsheet' } },
    // LinkedIn and Gmail only; the sheet backend (script.google.com, or localhost for the local backend)
    // is reached from the background worker, which needs host permission to be exempt from CORS.
    host_permissions: [
      'https://www.linkedin.com/*',
      'https://mail.google.com/*',
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ],
  },
});
