export { statisticsOffice, entities, migrations } from "./subgraph";
export {
  openProfileStore,
  pullProfile,
  ProfilePullError,
  type ProfilePullFailure,
  type PullProfileOptions,
  type PullSummary,
} from "./pull";
