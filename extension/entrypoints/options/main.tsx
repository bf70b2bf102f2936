import './Options.css';
import { render } from 'preact';
import { sendMessage } from '../../messaging';
import { language, localRules, repEmail, repName, syncSettings, syncStatus } from '../../settings';
import { neverLogList } from '../../store/never-log';
import { Options } from './Options';
import type { OptionsPorts } from './options-values';

const ports: OptionsPorts = {
  locale: navigator.language || 'en',
  async load() {
    const [sync, email, name, lang, rules, neverLog] = await Promise.all([syncSettings.getValue(), repEmail.getValue(), repName.getValue(), language.getValue(), localRules.getValue(), neverLogList.getValue()]);
    return {
      url: sync?.url ?? '',
      key: sync?.key ?? '',
      email,
      name,
      language: lang,
      atRiskAfterDays: String(rules.atRiskAfterDays ?? 60),
      inactiveAfterDays: String(rules.inactiveAfterDays ?? 180),
      neverLogDomains: [...new Set([...((rules.neverLogDomains as string[] | undefined) ?? []), ...neverLog.domains])].join('\n'),
      neverLogAddresses: neverLog.addresses.join('\n'),
    };
  },
  async save(values) {
    await Promise.all([
      syncSettings.setValue(values.sync),
      repEmail.setValue(values.email),
      repName.setValue(values.name),
      language.setValue(values.language),
      localRules.setValue({ ...(await localRules.getValue()), ...values.rules }),
      neverLogList.setValue(values.neverLog),
    ]);
  },
  syncNow: () => sendMessage('sync-now', {}),
  watchStatus(callback) {
    void syncStatus.getValue().then(callback);
    return syncStatus.watch(callback);
  },
};

render(<Options ports={ports} />, document.getElementById('app')!);
