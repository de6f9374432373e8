/** Maps a screen name to its component. */
import type { ComponentType } from 'preact';
import { Agencies } from './Agencies/Agencies';
import { Attract } from './Attract/Attract';
import { Checklist } from './Checklist/Checklist';
import { Confirm } from './Confirm/Confirm';
import { Issuing } from './Issuing/Issuing';
import { Missing, OutOfService, Personal, Prerequisite, QuotaExhausted } from './lazy-screens';
import { Priority } from './Priority/Priority';
import { Question } from './Question/Question';
import { ServiceDetail } from './ServiceDetail/ServiceDetail';
import { Services } from './Services/Services';
import type { ScreenName } from './screen-of';
import { Ticket } from './Ticket/Ticket';

const SCREENS: Record<ScreenName, ComponentType> = {
  attract: Attract,
  outOfService: OutOfService,
  agencies: Agencies,
  services: Services,
  detail: ServiceDetail,
  question: Question,
  checklist: Checklist,
  missing: Missing,
  prerequisite: Prerequisite,
  priority: Priority,
  personal: Personal,
  confirm: Confirm,
  issuing: Issuing,
  ticket: Ticket,
  quotaExhausted: QuotaExhausted,
};

/** The screen component for `screen`. */
export function ScreenFor(props: { screen: ScreenName }) {
  const Current = SCREENS[props.screen];
  return <Current />;
}
