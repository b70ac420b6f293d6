export { pullProfile, type PullProfileOptions, type PullSummary } from "./pullProfile";
export { ProfilePullError, type ProfilePullFailure } from "./ProfilePullError";
export { openProfileStore } from "./openProfileStore";
