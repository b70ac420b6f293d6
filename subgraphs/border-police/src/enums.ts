/** GraphQL enums of the Border Police repository. */
import { registerEnumType } from "type-graphql";

export enum CrossingDirection {
  ENTRY = "ENTRY",
  EXIT = "EXIT",
}
registerEnumType(CrossingDirection, { name: "CrossingDirection" });

export enum CrossingPointKind {
  AIRPORT = "AIRPORT",
  ROAD = "ROAD",
  RAIL = "RAIL",
}
registerEnumType(CrossingPointKind, { name: "CrossingPointKind" });

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
}
registerEnumType(Sex, { name: "Sex" });

export enum TravelDocumentKind {
  PASSPORT = "PASSPORT",
  ID_CARD = "ID_CARD",
  REFUGEE_TRAVEL_DOCUMENT = "REFUGEE_TRAVEL_DOCUMENT",
  LAISSEZ_PASSER = "LAISSEZ_PASSER",
}
registerEnumType(TravelDocumentKind, { name: "TravelDocumentKind" });

export enum EntryBanGrounds {
  CRIMINAL_CONVICTION = "CRIMINAL_CONVICTION",
  PUBLIC_ORDER = "PUBLIC_ORDER",
  IMMIGRATION_VIOLATION = "IMMIGRATION_VIOLATION",
}
registerEnumType(EntryBanGrounds, { name: "EntryBanGrounds" });

export enum ReturnReason {
  OVERSTAY = "OVERSTAY",
  IRREGULAR_ENTRY = "IRREGULAR_ENTRY",
  CRIMINAL_CONVICTION = "CRIMINAL_CONVICTION",
  ASYLUM_REJECTED = "ASYLUM_REJECTED",
  VOLUNTARY = "VOLUNTARY",
}
registerEnumType(ReturnReason, { name: "ReturnReason" });
