#!/usr/bin/env bash
# Re-derives the JSON schemas under kubernetes/ and crds/*.json from the npm packages named below
# (needs npm and node; network to the npm registry). The tests never run this: they read the
# committed files. Run from anywhere: bash k8s/schemas/fetch.sh; then update README.md's table
# (the script prints the sha256 of every package and file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
KUBERNETES_MODELS=kubernetes-models@5.1.0
APIMACHINERY=@kubernetes-models/apimachinery@3.0.2
CLOUDNATIVE_PG=@kubernetes-models/cloudnative-pg@2.0.0
PROMETHEUS_OPERATOR=@kubernetes-models/prometheus-operator@6.0.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for pkg in "$KUBERNETES_MODELS" "$APIMACHINERY" "$CLOUDNATIVE_PG" "$PROMETHEUS_OPERATOR"; do
    tgz=$(npm pack --silent "$pkg")
    echo "package $pkg $tgz sha256 $(sha256sum "$tgz" | cut -d' ' -f1)"
    mkdir "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"
done
kubernetes=(kubernetes-models-5.1.0/package/_schemas kubernetes-models-apimachinery-3.0.2/package/_schemas)
cloudnative_pg=kubernetes-models-cloudnative-pg-2.0.0/package/_schemas
# apart from the CloudNativePG modules: both packages carry definitions of the Prometheus Operator's
# RelabelConfig, each its own version
prometheus_operator=kubernetes-models-prometheus-operator-6.0.0/package/_schemas

decompile() { # <file under schemas/> <definition> <operator's _schemas dir, if any>
    node "$here/decompile.mjs" "$here/$1" "$2" "${kubernetes[@]}" ${3:+"$3"} >/dev/null
    echo "file $1 <- _schemas/$2.js sha256 $(sha256sum "$here/$1" | cut -d' ' -f1)"
}
decompile kubernetes/configmap-v1.json IoK8sApiCoreV1ConfigMap
decompile kubernetes/secret-v1.json IoK8sApiCoreV1Secret
decompile kubernetes/service-v1.json IoK8sApiCoreV1Service
decompile kubernetes/deployment-apps-v1.json IoK8sApiAppsV1Deployment
decompile kubernetes/ingress-networking-v1.json IoK8sApiNetworkingV1Ingress
decompile kubernetes/networkpolicy-networking-v1.json IoK8sApiNetworkingV1NetworkPolicy
decompile kubernetes/poddisruptionbudget-policy-v1.json IoK8sApiPolicyV1PodDisruptionBudget
decompile kubernetes/horizontalpodautoscaler-autoscaling-v2.json IoK8sApiAutoscalingV2HorizontalPodAutoscaler
decompile crds/cluster-postgresql-v1.json ComGithubCloudnativePgCloudnativePgApiV1Cluster "$cloudnative_pg"
decompile crds/database-postgresql-v1.json ComGithubCloudnativePgCloudnativePgApiV1Database "$cloudnative_pg"
decompile crds/podmonitor-monitoring-v1.json ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PodMonitor "$prometheus_operator"
decompile crds/prometheusrule-monitoring-v1.json ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PrometheusRule "$prometheus_operator"
