export { statisticsOffice, entities, migrations } from "./subgraph";
export {
  pullProfile,
  ProfilePullError,
  type ProfilePullFailure,
  type PullProfileOptions,
  type PullSummary,
} from "./pull";
