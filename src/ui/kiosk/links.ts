/** URLs the kiosk puts in QR codes; built by the composition root (it knows the base URL). */
export type KioskLinks = {
  /** The citizen's ticket status page (/t/<id>). */
  ticketUrl(ticketId: string): string;
  /** A read-only page listing the service and what the citizen still lacks. */
  missingListUrl(serviceId: string, missing: string[]): string;
};
