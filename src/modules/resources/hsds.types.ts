// The parts of Open Referral HSDS 3.0 that tsunagu writes and reads (standards/hsds-3.0).
// Every field is optional in the sense of the specification unless its schema requires it.

export type HsdsTaxonomy = { id: string; name: string; description: string; version?: string };

export type HsdsTaxonomyTerm = {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  taxonomy_detail?: HsdsTaxonomy;
};

export type HsdsAttribute = {
  id: string;
  link_id?: string;
  link_type?: string;
  link_entity?: string;
  taxonomy_term_id: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
};

export type HsdsPhone = { id: string; number: string; type?: string; description?: string };

export type HsdsContact = { id: string; name?: string; email?: string; phones?: HsdsPhone[] };

export type HsdsSchedule = {
  id: string;
  service_id?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  wkst?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
};

export type HsdsAddress = {
  id: string;
  location_id?: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
};

export type HsdsAccessibility = { id: string; location_id?: string; description: string };

export type HsdsLocation = {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name?: string;
  addresses?: HsdsAddress[];
  accessibility?: HsdsAccessibility[];
};

export type HsdsServiceAtLocation = {
  id: string;
  service_id?: string;
  location_id?: string;
  location?: HsdsLocation;
};

export type HsdsServiceArea = { id: string; service_id?: string; name: string; extent_type?: string };

export type HsdsCostOption = {
  id: string;
  service_id?: string;
  option?: string;
  currency?: string;
  amount?: number;
  amount_description?: string;
};

export type HsdsOrganization = {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  phones?: HsdsPhone[];
  attributes?: HsdsAttribute[];
};

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export type HsdsService = {
  id: string;
  organization_id: string;
  name: string;
  description?: string;
  email?: string;
  status: HsdsServiceStatus;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  cost_options?: HsdsCostOption[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
  organization?: HsdsOrganization;
};

/** What tsunagu exports and imports: a municipality's directory as one JSON document. */
export type HsdsPackage = {
  hsds_version: '3.0';
  generator: string;
  exported_at: string;
  municipality: { code: string; name: string };
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  organizations: HsdsOrganization[];
  services: HsdsService[];
};
