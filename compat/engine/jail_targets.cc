// Target selection (state.c start_state) and dependency set-up.
#include "jail_targets.h"

namespace rcjail::compat {
namespace {

JailTask taskFor(JailSpec spec, const JailOptions& options) {
  JailTask task;
  task.spec = std::move(spec);
  task.phases = phasesFor(options);
  task.restartOnChange = options.modify && options.remove;
  return task;
}

// A running jail that no configuration describes: only its name is known.
JailTask taskForRunning(const JailRecord& record, const JailOptions& options, bool wildcard) {
  JailSpec spec;
  spec.configName = record.name();
  spec.name = record.name();
  spec.path = record.path();
  JailTask task = taskFor(std::move(spec), options);
  task.running = record;
  task.jid = record.jid;
  task.wildcard = wildcard;
  return task;
}

std::optional<size_t> configIndex(const std::vector<JailSpec>& specs, const std::string& name) {
  for (size_t i = 0; i < specs.size(); ++i)
    if (specs[i].configName == name) return i;
  return std::nullopt;
}

void notFound(JailReporter& reporter, const std::string& target) {
  if (!reporter.quiet()) reporter.warn("\"" + target + "\" not found");
}

// The one jail of the command-line and legacy styles.
JailSelection selectCommandLineJail(const JailOptions& options, const JailRegistry& registry) {
  JailConfJail jail;
  jail.params = options.params;
  JailSpec spec = buildJailSpec(jail, false);
  // Without a file, `depend` can only name jails that already run.
  for (const std::string& name : spec.depend)
    if (!registry.find(name)) spec.errors.push_back("depends on nonexistent jail \"" + name + "\"");
  JailSelection selection;
  selection.tasks.push_back(taskFor(std::move(spec), options));
  return selection;
}

// What the targets name: configured jails (seeds, and which of them a
// wildcard matched) and running jails that no configuration describes.
struct TargetMatch {
  std::vector<bool> seeds;
  std::vector<bool> wild;
  std::vector<JailTask> runningOnly;
  bool fatal = false;   // a jail to create or modify is not configured
  bool failed = false;  // a jail to remove is not there
};

TargetMatch matchTargets(const JailOptions& options, const std::vector<JailSpec>& specs,
                         const JailRegistry& registry, JailReporter& reporter) {
  TargetMatch match;
  match.seeds.assign(specs.size(), false);
  match.wild.assign(specs.size(), false);
  const bool removing = options.style == JailStyle::Remove;
  std::vector<std::string> targets = options.targets;
  if (!removing && (targets.empty() || targets.front() == "*")) targets = {"*"};
  if (!removing) targets.resize(1);  // only the first word names a jail
  for (const std::string& target : targets) {
    const bool pattern = isJailConfWildcard(target);
    if (pattern && removing && options.withoutConfig) {
      for (const JailRecord& record : registry.list())
        if (jailConfWildcardMatches(target, record.name()))
          match.runningOnly.push_back(taskForRunning(record, options, true));
      continue;
    }
    if (pattern) {
      for (size_t i = 0; i < specs.size(); ++i)
        if (jailConfWildcardMatches(target, specs[i].configName)) match.seeds[i] = match.wild[i] = true;
      continue;
    }
    if (std::optional<size_t> i = configIndex(specs, target)) {
      match.seeds[*i] = true;
      continue;
    }
    if (!removing) {
      reporter.warn("\"" + target + "\" not found");
      match.fatal = true;
      return match;
    }
    std::optional<JailRecord> record = registry.find(target);
    if (!record) {
      notFound(reporter, target);
      match.failed = true;
      continue;
    }
    // `jail -f conf -r 3` works on the configured jail that runs as jid 3.
    if (std::optional<size_t> i = configIndex(specs, record->name()))
      match.seeds[*i] = true;
    else
      match.runningOnly.push_back(taskForRunning(*record, options, false));
  }
  return match;
}

// The configured jails that the seeds select, with those their
// dependencies pull in, as tasks joined by the dependency edges; each
// jail's load and dependency errors are reported here.
void addConfiguredTasks(const JailOptions& options, std::vector<JailSpec>& specs, const TargetMatch& match,
                        JailReporter& reporter, JailSelection& selection) {
  const size_t count = specs.size();
  std::vector<DependencyNode> nodes;
  for (const JailSpec& spec : specs) nodes.push_back({spec.configName, spec.depend});
  const bool removeOnly =
      options.style == JailStyle::Remove || (options.remove && !options.create && !options.modify);
  DependencyPlan plan = planDependencies(nodes, match.seeds, removeOnly);
  for (size_t i = 0; i < count; ++i) {
    for (const std::string& message : specs[i].loadErrors) reporter.warn(specs[i], message);
    for (const std::string& message : plan.errors[i]) {
      reporter.warn(specs[i], message);
      specs[i].loadErrors.push_back(message);
    }
  }
  std::vector<size_t> taskOf(count, 0);
  for (size_t i = 0; i < count; ++i) {
    if (!plan.selected[i]) continue;
    taskOf[i] = selection.tasks.size();
    JailTask task = taskFor(std::move(specs[i]), options);
    task.wildcard = match.wild[i];
    task.pulledIn = plan.pulledIn[i];
    selection.tasks.push_back(std::move(task));
  }
  for (const DependencyEdge& edge : plan.edges)
    selection.edges.push_back({taskOf[edge.dependant], taskOf[edge.dependency], edge.light});
}

}  // namespace

std::vector<Phase> phasesFor(const JailOptions& options) {
  if (options.create && options.modify) return {Phase::CreateOrModify};
  if (options.modify) return {Phase::Modify};
  if (options.create && options.remove) return {Phase::Remove, Phase::Create};
  if (options.remove) return {Phase::Remove};
  return {Phase::Create};
}

JailSelection selectJails(const JailOptions& options, const JailConf* conf, const JailRegistry& registry,
                          JailReporter& reporter) {
  if (options.style == JailStyle::CommandLine || options.style == JailStyle::Legacy)
    return selectCommandLineJail(options, registry);

  std::vector<JailSpec> specs;
  if (conf)
    for (const JailConfJail& jail : conf->jails) specs.push_back(buildJailSpec(jail, true));
  TargetMatch match = matchTargets(options, specs, registry, reporter);
  JailSelection selection;
  selection.failed = match.failed;
  selection.fatal = match.fatal;
  if (match.fatal) return selection;
  addConfiguredTasks(options, specs, match, reporter, selection);
  for (JailTask& task : match.runningOnly) selection.tasks.push_back(std::move(task));
  return selection;
}

}  // namespace rcjail::compat
