// 兑换码核销: the clerk types the villager's 8-digit code (spaces allowed), checks the card, and confirms the hand-over.
// A refusal (unknown, used, cancelled code) is said in plain words and the typed code stays for correcting.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Input, type InputRef } from 'antd';
import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { codeDigits, fulfilCode, lookupCode, storeKeys, type Redemption } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { RedemptionFacts } from './RedemptionFacts';

type State = { kind: 'found'; r: Redemption } | { kind: 'done'; r: Redemption } | { kind: 'error'; text: string } | null;

/** "12345678" shown as "1234 5678" while typing. */
const spaced = (digits: string) => (digits.length > 4 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits);

export function CodeDesk() {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [state, setState] = useState<State>(null);
  const [busy, setBusy] = useState<'lookup' | 'fulfil' | null>(null);

  const lookup = async () => {
    const digits = codeDigits(code);
    if (digits.length !== 8) {
      setState({ kind: 'error', text: t(digits ? 'store.code.length' : 'store.code.required') });
      return;
    }
    setBusy('lookup');
    try {
      setState({ kind: 'found', r: await lookupCode(digits) });
    } catch (err) {
      setState({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const fulfil = async (r: Redemption) => {
    setBusy('fulfil');
    try {
      const done = await fulfilCode(r.code);
      setState({ kind: 'done', r: done });
      await qc.invalidateQueries({ queryKey: storeKeys.all });
    } catch (err) {
      // Someone else may have used or cancelled it meanwhile: say so, and show the code as it now stands.
      const text = errorText(err);
      const now = await lookupCode(r.code).catch(() => null);
      setState(now && now.status !== 'reserved' ? { kind: 'found', r: now } : { kind: 'error', text });
    } finally {
      setBusy(null);
    }
  };

  const next = () => {
    setCode('');
    setState(null);
    input.current?.focus();
  };

  const r = state && state.kind !== 'error' ? state.r : null;
  return (
    <Card title={t('store.counter.codeTitle')} variant="borderless">
      <form
        className="xz-counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <Input
          ref={input}
          className="xz-counter-code"
          size="large"
          value={code}
          onChange={(e) => {
            setCode(spaced(codeDigits(e.target.value).slice(0, 8)));
            if (state?.kind === 'error') setState(null);
          }}
          placeholder={t('store.code.placeholder')}
          aria-label={t('store.code.placeholder')}
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          allowClear
          status={state?.kind === 'error' ? 'error' : undefined}
        />
        <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />} loading={busy === 'lookup'}>
          {t('common.search')}
        </Button>
      </form>
      <div className="xz-counter-hint">{t('store.code.hint')}</div>

      <div className="xz-counter-result" aria-live="polite">
        {state?.kind === 'error' && <Alert type="error" showIcon title={state.text} role="alert" />}
        {state?.kind === 'done' && r && (
          <div className="xz-counter-done">
            <CheckCircleFilled className="xz-counter-done-icon" aria-hidden />
            <div className="xz-counter-done-title">{t('store.counter.done')}</div>
            <p className="xz-counter-item">{t('store.itemTimes', { name: r.itemName, n: f.num(r.quantity) })}</p>
            <p className="xz-muted">{t('store.counter.doneFor', { name: r.householdName || '—' })}</p>
            <Button type="primary" size="large" onClick={next}>
              {t('store.counter.next')}
            </Button>
          </div>
        )}
        {state?.kind === 'found' && r && (
          <Card size="small" className="xz-counter-card">
            {r.status === 'fulfilled' && (
              <Alert
                type="warning"
                showIcon
                title={t('store.code.used', { at: f.dateTime(r.fulfilledAt), name: r.fulfilledByName ?? '—' })}
                style={{ marginBottom: 16 }}
              />
            )}
            {r.status === 'cancelled' && (
              <Alert type="warning" showIcon title={t('store.code.cancelled', { at: f.dateTime(r.cancelledAt) })} style={{ marginBottom: 16 }} />
            )}
            <RedemptionFacts r={r} />
            {r.status === 'reserved' ? (
              <Button type="primary" size="large" block className="xz-counter-fulfil" loading={busy === 'fulfil'} onClick={() => fulfil(r)}>
                {t('store.counter.fulfil')}
              </Button>
            ) : (
              <Button size="large" block className="xz-counter-fulfil" onClick={next}>
                {t('store.counter.another')}
              </Button>
            )}
          </Card>
        )}
        {!state && <div className="xz-muted">{t('store.counter.idle')}</div>}
      </div>
    </Card>
  );
}
