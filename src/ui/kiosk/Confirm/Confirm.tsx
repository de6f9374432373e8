/** A last look before the number is taken: agency, service, priority, purpose. */
import { localized } from '../../../domain/i18n/local-text';
import { currentAgency, currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';

/** The confirmation summary with "Ambil Nomor Antrean". */
export function Confirm() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const agency = currentAgency(ctx);
  const service = currentService(ctx);
  const priority = ctx.priority ? tr(`priority.${ctx.priority}`) : tr('priority.none');
  return (
    <Screen
      title={tr('confirm.title')}
      actions={
        <Button variant="primary" onClick={() => send({ type: 'ticket.confirm' })}>
          {tr('confirm.submit')}
        </Button>
      }
    >
      <dl class="summary">
        <dt>{tr('confirm.agency')}</dt>
        <dd>{agency ? localized(agency.name, ctx.lang) : ''}</dd>
        <dt>{tr('confirm.service')}</dt>
        <dd>{service ? localized(service.name, ctx.lang) : ''}</dd>
        <dt>{tr('confirm.priority')}</dt>
        <dd>{priority}</dd>
        {ctx.consultation && (
          <>
            <dt>{tr('confirm.purpose')}</dt>
            <dd>{tr('confirm.consultation')}</dd>
          </>
        )}
      </dl>
    </Screen>
  );
}
