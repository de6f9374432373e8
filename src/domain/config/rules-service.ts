/** Cross-file rules inside one service: requirement, option and question ids, and `when`. */
import { type ConfigSet, findDuplicates, type ServiceRef } from './config-set';
import { type ConfigIssue, configIssue, jsonPath } from './issues';

/** Runs `check` on every service of the site and gathers the issues. */
export function eachService(
  set: ConfigSet,
  check: (ref: ServiceRef) => ConfigIssue[],
): ConfigIssue[] {
  return set.agencies.flatMap((agency) =>
    agency.value.services.flatMap((service, index) => check({ agency, service, index })),
  );
}

function requirementIdsOf({ agency, service, index }: ServiceRef): ConfigIssue[] {
  return findDuplicates(service.requirements, (r) => r.id).map((dup) =>
    configIssue(
      agency.file,
      jsonPath('services', index, 'requirements', dup.index, 'id'),
      `id persyaratan '${dup.item.id}' sudah dipakai oleh $.services[${index}].requirements[${dup.firstIndex}]`,
    ),
  );
}

function optionIdsOf({ agency, service, index }: ServiceRef): ConfigIssue[] {
  return service.requirements.flatMap((requirement, r) =>
    findDuplicates(requirement.anyOf ?? [], (o) => o.id).map((dup) =>
      configIssue(
        agency.file,
        jsonPath('services', index, 'requirements', r, 'anyOf', dup.index, 'id'),
        `id pilihan '${dup.item.id}' sudah dipakai dalam persyaratan ini`,
      ),
    ),
  );
}

/** Rule 3: requirement ids unique within a service; `anyOf` option ids unique within a requirement. */
export function uniqueRequirementIds(set: ConfigSet): ConfigIssue[] {
  return eachService(set, (ref) => [...requirementIdsOf(ref), ...optionIdsOf(ref)]);
}

function questionIdsOf({ agency, service, index }: ServiceRef): ConfigIssue[] {
  return findDuplicates(service.questions ?? [], (q) => q.id).map((dup) =>
    configIssue(
      agency.file,
      jsonPath('services', index, 'questions', dup.index, 'id'),
      `id pertanyaan '${dup.item.id}' sudah dipakai oleh $.services[${index}].questions[${dup.firstIndex}]`,
    ),
  );
}

function unknownQuestionsOf({ agency, service, index }: ServiceRef): ConfigIssue[] {
  const asked = new Set((service.questions ?? []).map((q) => q.id));
  const unknown = (list: 'requirements' | 'prerequisites') =>
    (service[list] ?? []).flatMap((item, i) =>
      item.when && !asked.has(item.when.question)
        ? [
            configIssue(
              agency.file,
              jsonPath('services', index, list, i, 'when', 'question'),
              `pertanyaan '${item.when.question}' tidak ada di questions layanan ini`,
            ),
          ]
        : [],
    );
  return [...unknown('requirements'), ...unknown('prerequisites')];
}

function unusedQuestionsOf({ agency, service, index }: ServiceRef): ConfigIssue[] {
  const used = new Set(
    [...service.requirements, ...(service.prerequisites ?? [])].map((r) => r.when?.question),
  );
  return (service.questions ?? []).flatMap((question, q) =>
    used.has(question.id)
      ? []
      : [
          configIssue(
            agency.file,
            jsonPath('services', index, 'questions', q),
            `pertanyaan '${question.id}' tidak dipakai oleh persyaratan atau prasyarat mana pun (when.question)`,
          ),
        ],
  );
}

/** Rule 4: question ids unique; every `when.question` asked by the service; every question used. */
export function questionsMatchRequirements(set: ConfigSet): ConfigIssue[] {
  return eachService(set, (ref) => [
    ...questionIdsOf(ref),
    ...unknownQuestionsOf(ref),
    ...unusedQuestionsOf(ref),
  ]);
}
