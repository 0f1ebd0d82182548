// The request form, built from the endpoint's parameter list: one labelled field per parameter, named
// exactly as in the API, with its help text and an error slot the API's answer can be shown in.
import { h } from './dom.js';
import type { EndpointSpec, ParamSpec } from './endpoints.js';
import { splitList, type ParamValues } from './view-state.js';

const fieldId = (name: string): string => `param-${name}`;

const control = (p: ParamSpec): HTMLInputElement | HTMLSelectElement => {
  const common = { id: fieldId(p.name), name: p.name, 'aria-describedby': `${fieldId(p.name)}-help ${fieldId(p.name)}-error` };
  switch (p.kind) {
    case 'enum':
      return h('select', common, h('option', { value: '' }, '(any)'), ...p.options.map((o) => h('option', { value: o }, o)));
    case 'number':
      return h('input', { ...common, type: 'number', min: '0', step: '1', inputmode: 'numeric' });
    case 'json':
    case 'list':
    case 'text':
      return h('input', { ...common, type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: p.placeholder });
    default: {
      const never: never = p;
      return never;
    }
  }
};

/** Replaces the form's fields with the endpoint's (fieldsets keep the paging and sort fields together). */
export const renderParamsForm = (container: HTMLElement, spec: EndpointSpec): void => {
  const rows = spec.params.map((p) =>
    h(
      'div',
      { class: 'field', 'data-param': p.name },
      h('label', { for: fieldId(p.name) }, h('code', {}, p.name)),
      control(p),
      h('small', { id: `${fieldId(p.name)}-help`, class: 'help' }, p.help),
      h('div', { id: `${fieldId(p.name)}-error`, class: 'error-slot' }),
    ),
  );
  container.replaceChildren(...rows);
};

const fieldOf = (form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement | undefined => {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el : undefined;
};

export const readParams = (form: HTMLFormElement, spec: EndpointSpec): ParamValues => {
  const values: Record<string, string | ReadonlyArray<string>> = {};
  for (const p of spec.params) {
    const raw = fieldOf(form, p.name)?.value.trim() ?? '';
    if (raw === '') continue;
    values[p.name] = p.kind === 'list' ? splitList(raw) : raw;
  }
  return values;
};

export const writeParams = (form: HTMLFormElement, spec: EndpointSpec, values: ParamValues): void => {
  for (const p of spec.params) {
    const field = fieldOf(form, p.name);
    if (field === undefined) continue;
    const v = values[p.name];
    field.value = v === undefined ? '' : typeof v === 'string' ? v : v.join(', ');
  }
};

export const setParam = (form: HTMLFormElement, name: string, value: string): void => {
  const field = fieldOf(form, name);
  if (field !== undefined) field.value = value;
};

/** The slot an error is shown in: a parameter's, or one of the page's own (`auth`, `general`). */
export const errorSlot = (name: string): HTMLElement | null => document.getElementById(`${fieldId(name)}-error`);
