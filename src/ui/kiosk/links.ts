/** URLs the kiosk puts in QR codes; built by the composition root (it knows the base URL). */
export type KioskLinks = {
  /**
   * The citizen's ticket status page (/t/<id>), with what a counter that has never seen the
   * ticket needs after '#' (number, service, business day): a phone ignores it.
   */
  ticketUrl(ticket: { id: string; number: string; serviceId: string; businessDay: string }): string;
  /** A read-only page listing the service and what the citizen still lacks. */
  missingListUrl(serviceId: string, missing: string[]): string;
};
