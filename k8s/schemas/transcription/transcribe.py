#!/usr/bin/env python3
"""Writes the one schema still transcribed, crds/rabbitmq.com_rabbitmqclusters.yaml (see ../README.md:
no package registry reachable here carries the RabbitMQ cluster operator's CRD or a schema of it).

It comes out as a CustomResourceDefinition whose openAPIV3Schema follows the operator's own CRD;
subtrees that Jianhu does not use are kept open (x-kubernetes-preserve-unknown-fields) rather than
guessed. Everything else under schemas/ is derived from packages by ../fetch.sh.
"""
import json
import pathlib

import yaml

HERE = pathlib.Path(__file__).resolve().parent.parent


# --- CustomResourceDefinitions, the operators' style ---------------------------------------------

def c_obj(properties, required=()):
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


C_S, C_I, C_B = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
C_I32 = {"type": "integer", "format": "int32"}
C_OPEN = {"type": "object", "x-kubernetes-preserve-unknown-fields": True,
          "$comment": "not transcribed: any object is accepted here"}
C_QUANTITY = {"anyOf": [{"type": "integer"}, {"type": "string"}],
              "pattern": r"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$",
              "x-kubernetes-int-or-string": True}
C_RESOURCES = c_obj({
    "claims": {"type": "array", "items": c_obj({"name": C_S, "request": C_S}, ["name"])},
    "limits": {"type": "object", "additionalProperties": C_QUANTITY},
    "requests": {"type": "object", "additionalProperties": C_QUANTITY},
})
C_LOCAL_REF = c_obj({"name": C_S}, ["name"])
C_ANY_LIST = {"type": "array", "items": C_OPEN}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def crd(group, kind, plural, version, spec, file_name):
    document = {
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.{group}"},
        "spec": {"group": group, "names": {"kind": kind, "listKind": f"{kind}List", "plural": plural,
                                           "singular": kind.lower()},
                 "scope": "Namespaced",
                 "versions": [{"name": version, "served": True, "storage": True, "subresources": {"status": {}},
                               "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                                   "apiVersion": C_S, "kind": C_S, "metadata": {"type": "object"},
                                   "spec": spec, "status": C_OPEN}}}}]},
    }
    (HERE / "crds" / file_name).write_text(
        "# Transcribed, not upstream: see ../README.md.\n" + yaml.dump(document, Dumper=_NoAliases, sort_keys=False, width=120))


crd("rabbitmq.com", "RabbitmqCluster", "rabbitmqclusters", "v1beta1", c_obj({
    "affinity": C_OPEN, "autoEnableAllFeatureFlags": C_B, "delayStartSeconds": C_I32, "image": C_S,
    "imagePullSecrets": {"type": "array", "items": c_obj({"name": C_S})}, "override": C_OPEN,
    "persistence": c_obj({"storage": C_QUANTITY, "storageClassName": C_S}),
    "rabbitmq": c_obj({"additionalConfig": {"type": "string", "maxLength": 100000},
                       "additionalPlugins": {"type": "array", "items": C_S},
                       "advancedConfig": {"type": "string", "maxLength": 100000},
                       "envConfig": {"type": "string", "maxLength": 100000},
                       "erlangInetConfig": {"type": "string", "maxLength": 2000}}),
    "replicas": C_I32, "resources": C_RESOURCES, "secretBackend": C_OPEN,
    "service": c_obj({"annotations": {"type": "object", "additionalProperties": C_S}, "ipFamilyPolicy": C_S,
                      "type": C_S}),
    "skipPostDeploySteps": C_B, "terminationGracePeriodSeconds": {"type": "integer", "format": "int64"},
    "tls": C_OPEN, "tolerations": C_ANY_LIST,
}), "rabbitmq.com_rabbitmqclusters.yaml")
