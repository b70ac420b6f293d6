/** Named example operations per persona (keyed by the token's role), loaded into the editor on demand. */

export interface Example {
  id: string;
  title: string;
  /** What the example shows, in one line. */
  description: string;
  query: string;
  /** Variables the example needs; `$personRef` is filled from the person reference field. */
  variables?: Record<string, unknown>;
  /** A purpose the example must be run under, when the persona has several. */
  purpose?: string;
  /** True when the example is expected to be refused: it shows a rule at work. */
  expectDenied?: boolean;
}

const personAcrossAgencies: Example = {
  id: "person-across-agencies",
  title: "One person across the three agencies",
  description:
    "Identity from the Migration Service, citizenships named by the Statistics Office, crossings from the Border Police.",
  query: `# Federated: Migration Service → Statistics Office → Border Police, joined by the hub.
query PersonAcrossAgencies($personRef: ID!) {
  person(personRef: $personRef) {
    personRef
    givenName
    familyName
    citizenships {
      code
      name
    }
    hasValidPermit
    isProtectionHolder
    crossings(first: 5) {
      direction
      crossedAt
      crossingPoint {
        name
        neighbourCountry {
          name
        }
      }
    }
  }
}
`,
  variables: { personRef: "" },
};

const crossingPoints: Example = {
  id: "crossing-points",
  title: "Crossing points (reference data)",
  description: "Reference data every agency may read; no personal data.",
  query: `query CrossingPoints {
  crossingPoints {
    code
    name
    kind
    neighbourCountry {
      name
    }
  }
}
`,
};

const borderOfficer: Example[] = [
  personAcrossAgencies,
  {
    id: "asylum-grounds",
    title: "Asylum grounds (refused: R6-3)",
    description: "Asylum content is a special category: border work may only ask whether the person holds protection.",
    query: `# Refused by R6-3: ask for Person.isProtectionHolder instead.
query AsylumGrounds($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    asylumApplications {
      grounds
      outcome
    }
  }
}
`,
    variables: { personRef: "" },
    expectDenied: true,
  },
  {
    id: "protection-flag",
    title: "Protection status as a flag",
    description: "What border work may know instead of asylum content: yes or no.",
    query: `query ProtectionFlag($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    familyName
    isProtectionHolder
    hasValidPermit
    hasActiveEntryBan
  }
}
`,
    variables: { personRef: "" },
  },
  crossingPoints,
];

const investigator: Example[] = [
  {
    id: "investigation",
    title: "Entry bans and travel history",
    description: "Needs an authorisation reference (order@valid-until) for CRIMINAL_INVESTIGATION.",
    query: `query Investigation($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    familyName
    entryBans {
      issuedOn
      validUntil
      grounds
    }
    crossings(first: 10) {
      direction
      crossedAt
      crossingPoint {
        name
      }
    }
  }
}
`,
    variables: { personRef: "" },
  },
  crossingPoints,
];

const clerk: Example[] = [
  {
    id: "permits",
    title: "Residence permits of a person",
    description: "The Migration Service's own residence records.",
    query: `query Permits($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    familyName
    residencePermits {
      permitNumber
      permitType
      status
      validUntil
    }
  }
}
`,
    variables: { personRef: "" },
  },
  personAcrossAgencies,
];

const asylumOfficer: Example[] = [
  {
    id: "asylum-applications",
    title: "Asylum applications of a person",
    description: "Asylum content, for the asylum procedure only.",
    query: `query AsylumApplications($personRef: ID!) {
  asylumApplications(personRef: $personRef) {
    applicationId
    lodgedOn
    grounds
    outcome
    countryOfOrigin {
      name
    }
  }
}
`,
    variables: { personRef: "" },
  },
];

const caseworker: Example[] = [
  {
    id: "trafficking-case",
    title: "A trafficking case by its id",
    description: "Only cases assigned to you are disclosed.",
    query: `query TraffickingCase($caseId: ID!) {
  traffickingCase(caseId: $caseId) {
    caseId
    status
    formOfExploitation
    reflectionPeriodUntil
    assistance
  }
}
`,
    variables: { caseId: "" },
  },
];

const statistician: Example[] = [
  {
    id: "migration-profile",
    title: "Migration profile of a year",
    description: "A template's indicators by sex, as the agencies served them after disclosure control.",
    query: `query MigrationProfile {
  migrationProfile(year: 2025, template: "NATIONAL_EXTENDED") {
    year
    pulledAt
    template {
      title
    }
    indicators {
      indicator {
        code
        name
        unit
        regime
      }
      total {
        value
        flag
      }
      female {
        value
        flag
      }
      male {
        value
        flag
      }
    }
  }
}
`,
  },
  {
    id: "observations-by-region",
    title: "First permits by region",
    description: "Cells of one indicator; small regions come back suppressed (value null).",
    query: `query PermitsByRegion {
  observations(indicator: "FIRST_PERMITS", year: 2025, sex: "_T", age: "_T", citizenship: "_T", month: "_T", breakdown: "_T") {
    region
    value
    flag
  }
  regions {
    code
    name
    parent
  }
}
`,
  },
  {
    id: "profile-sdmx",
    title: "SDMX-CSV export",
    description: "One indicator of the profile as SDMX-CSV 2.0; suppressed cells carry no value.",
    query: `query ProfileSdmx {
  migrationProfileSdmx(year: 2025, template: "REGIONAL_HARMONISED", indicator: "TRAFFICKING_VICTIMS")
}
`,
  },
  {
    id: "profile-templates",
    title: "Profile templates",
    description: "Reference data: each template's indicators and the breakdowns it publishes.",
    query: `query ProfileTemplates {
  profileTemplates {
    id
    title
    adoptedBy
    indicators {
      code
      sourceAgency
      sourceIndicator
      disaggregations
    }
  }
}
`,
  },
];

/** The source agencies' protected tables, which the profile pull asks for (statistician and profile service alike). */
const sourceTable: Example = {
  id: "source-table",
  title: "A source agency's statistical table",
  description: "Counted and protected by the Migration Service before it leaves: suppressed cells are null.",
  query: `query SourceTable {
  migrationServiceStatistics(indicator: "FIRST_PERMITS", year: 2025) {
    indicator
    year
    unit
    regime
    cubes
    cells {
      sex
      age
      region
      breakdown
      value
      flag
    }
  }
}
`,
};

const statisticsService: Example[] = [
  sourceTable,
  {
    id: "border-table",
    title: "Border crossings table",
    description: "The Border Police's crossings of a year, by sex, age, citizenship, region, month and direction.",
    query: `query Crossings {
  borderPoliceStatistics(indicator: "CROSSINGS", year: 2025) {
    regime
    cells {
      sex
      region
      breakdown
      value
      flag
    }
  }
}
`,
  },
];

const auditor: Example[] = [
  {
    id: "audit-events",
    title: "Latest audit events",
    description: "Who asked what, for which purpose, and what was refused.",
    query: `query LatestAuditEvents {
  auditEvents(first: 10) {
    totalCount
    edges {
      node {
        occurredAt
        subject
        agency
        purpose
        outcome
        fieldsDenied {
          field
          rule
        }
      }
    }
  }
}
`,
  },
  {
    id: "verify-chain",
    title: "Verify the audit chain",
    description: "Re-computes the hash chain and checks the signed checkpoints.",
    query: `query VerifyChain {
  verifyAuditChain {
    valid
    eventsChecked
    checkpointsChecked
    firstBroken {
      seq
      reason
    }
  }
}
`,
  },
];

const dpo: Example[] = [
  {
    id: "subject-access",
    title: "Subject access report",
    description: "Every disclosure of one person's data.",
    query: `query SubjectAccess($personRef: ID!) {
  subjectAccessReport(personRef: $personRef) {
    personRef
    generatedAt
    disclosures {
      occurredAt
      agency
      purpose
      categories
      legalBasis
    }
  }
}
`,
    variables: { personRef: "" },
  },
];

// Foreign recipients (R14-2): each reads only what the agreements naming its authority list.

const readmissionOfficer: Example[] = [
  {
    id: "readmission-request",
    title: "Checking a readmission request (Türkiye)",
    description:
      "AGR-MS-TR-READMISSION and AGR-BP-TR-READMISSION: identity, crossings and status flags; the protection flag ignores applications from Türkiye (R14-3).",
    query: `# A foreign recipient: only what the agreements naming TR-PMM list.
query ReadmissionRequest($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    familyName
    dateOfBirth
    citizenships {
      code
    }
    isMinor
    hasValidPermit
    isProtectionHolder
    reflectionPeriodActive
    crossings(first: 10) {
      direction
      crossedAt
      crossingPoint {
        name
      }
    }
  }
}
`,
    variables: { personRef: "" },
  },
  {
    id: "readmission-permits",
    title: "Residence permits (refused: R5-1)",
    description: "No agreement gives a foreign authority the Migration Service's permits: the flag answers instead.",
    query: `# Refused: the readmission agreement lists no RESIDENCE data; ask for hasValidPermit.
query ReadmissionPermits($personRef: ID!) {
  person(personRef: $personRef) {
    residencePermits {
      permitType
      validUntil
    }
  }
}
`,
    variables: { personRef: "" },
    expectDenied: true,
  },
  crossingPoints,
];

const policeInvestigator: Example[] = [
  {
    id: "police-cooperation",
    title: "Police cooperation request (Georgia)",
    description:
      "AGR-BP-GE-POLICE and AGR-MS-GE-POLICE: identity, crossings and entry bans; needs an authorisation reference (order@valid-until).",
    query: `# A foreign recipient: only what the agreements naming GE-MIA list (R14-2), under R11-1.
query PoliceCooperation($personRef: ID!) {
  person(personRef: $personRef) {
    givenName
    familyName
    entryBans {
      issuedOn
      validUntil
      grounds
    }
    crossings(first: 10) {
      direction
      crossedAt
      crossingPoint {
        name
      }
    }
  }
}
`,
    variables: { personRef: "" },
  },
  {
    id: "police-asylum",
    title: "Asylum status (refused)",
    description: "Neither the content nor the protection flag is shared with a foreign police.",
    query: `# Refused: no agreement gives GE-MIA the Migration Service's flags or asylum data.
query PoliceAsylum($personRef: ID!) {
  person(personRef: $personRef) {
    isProtectionHolder
  }
}
`,
    variables: { personRef: "" },
    expectDenied: true,
  },
  crossingPoints,
];

/** Examples by the token's `role` claim (the demo personas' roles). */
const BY_ROLE: Record<string, Example[]> = {
  "border-officer": borderOfficer,
  investigator,
  clerk,
  "asylum-officer": asylumOfficer,
  caseworker,
  statistician: [...statistician, sourceTable],
  "statistics-service": statisticsService,
  auditor,
  dpo,
  "readmission-officer": readmissionOfficer,
  "police-investigator": policeInvestigator,
};

export function examplesFor(role: string | undefined): Example[] {
  return (role && BY_ROLE[role]) || [crossingPoints];
}

/** The example's variables as editor text, with `personRef` filled in when given. */
export function variablesText(example: Example, personRef: string): string {
  if (!example.variables) return "";
  const vars = { ...example.variables };
  if ("personRef" in vars && personRef.trim()) vars.personRef = personRef.trim();
  return JSON.stringify(vars, null, 2);
}
