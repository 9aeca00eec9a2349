// The C++ a converter is written in (value_conversion_emitter.cc): one
// template per kind and cardinality of a value conversion, and the pieces
// around them. A value conversion's templates may use any of:
//   $get$      the source field's accessor: `in.name`, `next.name`, `priv->name`
//   $to$       the target field's accessor stem: `name`
//   $map$      enums: the mapping function
//   $type$     enums back: the public enum type
//   $failed$   enums back: the statement failing the conversion
//   $call$     messages: the nested conversion, `ToNext` or
//              `::a::v1::svc::a_proto::Converter::Default().ToNext`
//   $private$  messages back from next: the nested private value or `nullptr`
//   $lookup$   the same, repeated and map: the statements finding it
#ifndef CPPSVC_PLUGIN_EMIT_CONVERSION_TEMPLATES_H_
#define CPPSVC_PLUGIN_EMIT_CONVERSION_TEMPLATES_H_

namespace cppsvc::plugin::conversion_templates {

// ---- The same type on both sides: assigned as it is -----------------------------

inline constexpr char kCopyAll[] = "*out.mutable_$to$() = $get$();";  // also repeated, map
inline constexpr char kCopyScalar[] = "out.set_$to$($get$());";

// ---- Enums forward: unknown numbers become 0 ---------------------------------------

inline constexpr char kEnumForward[] = "out.set_$to$($map$($get$()));";
inline constexpr char kEnumForwardRepeated[] = R"cc(
  out.mutable_$to$()->Reserve($get$_size());
  for (int value : $get$()) out.add_$to$($map$(value));
)cc";
inline constexpr char kEnumForwardMap[] = R"cc(
  for (const auto& [key, value] : $get$()) {
    (*out.mutable_$to$())[key] = $map$(value);
  }
)cc";

// ---- Enums back: a value no public value receives fails ----------------------------

inline constexpr char kEnumBackward[] = R"cc(
  $type$ mapped;
  if (!$map$($get$(), &mapped)) $failed$
  out.set_$to$(mapped);
)cc";
inline constexpr char kEnumBackwardRepeated[] = R"cc(
  out.mutable_$to$()->Reserve($get$_size());
  for (int value : $get$()) {
    $type$ mapped;
    if (!$map$(value, &mapped)) $failed$
    out.add_$to$(mapped);
  }
)cc";
inline constexpr char kEnumBackwardMap[] = R"cc(
  for (const auto& [key, value] : $get$()) {
    $type$ mapped;
    if (!$map$(value, &mapped)) $failed$
    (*out.mutable_$to$())[key] = mapped;
  }
)cc";
inline constexpr char kEnumFailed[] = "return ::absl::FailedPreconditionError($message$);";

// ---- Messages, through their converter -----------------------------------------------

inline constexpr char kMessage[] = "CPPSVC_RETURN_IF_ERROR($call$($get$(), *out.mutable_$to$()));";
inline constexpr char kMessageRepeated[] = R"cc(
  out.mutable_$to$()->Reserve($get$_size());
  for (const auto& item : $get$()) {
    CPPSVC_RETURN_IF_ERROR($call$(item, *out.add_$to$()));
  }
)cc";
inline constexpr char kMessageMap[] = R"cc(
  for (const auto& [key, value] : $get$()) {
    CPPSVC_RETURN_IF_ERROR($call$(value, (*out.mutable_$to$())[key]));
  }
)cc";

// Back from the next version a nested message also gets its private
// counterpart, where its own deprecated fields are read from.
inline constexpr char kFromNext[] =
    "CPPSVC_RETURN_IF_ERROR($call$($get$(), $private$, *out.mutable_$to$()));";
inline constexpr char kFromNextRepeated[] = R"cc(
  out.mutable_$to$()->Reserve($get$_size());
  for (int i = 0; i < $get$_size(); ++i) {
    $lookup$
    CPPSVC_RETURN_IF_ERROR($call$($get$(i), $private$, *out.add_$to$()));
  }
)cc";
inline constexpr char kFromNextMap[] = R"cc(
  for (const auto& [key, value] : $get$()) {
    $lookup$
    CPPSVC_RETURN_IF_ERROR($call$(value, $private$, (*out.mutable_$to$())[key]));
  }
)cc";
// $ptype$ the private value's message type, $pfield$ the private field.
inline constexpr char kPrivateElement[] = R"cc(
  const $ptype$* private_value =
      priv != nullptr && i < priv->$pfield$_size() ? &priv->$pfield$(i) : nullptr;
)cc";
inline constexpr char kPrivateMapValue[] = R"cc(
  const $ptype$* private_value = nullptr;
  if (priv != nullptr) {
    auto found = priv->$pfield$().find(key);
    if (found != priv->$pfield$().end()) private_value = &found->second;
  }
)cc";
inline constexpr char kPrivateMember[] =
    "priv != nullptr && priv->$case$() == $member$ ? &priv->$pfield$() : nullptr";
inline constexpr char kPrivateField[] =
    "priv != nullptr && priv->has_$pfield$() ? &priv->$pfield$() : nullptr";

// ---- Guards ---------------------------------------------------------------------------

inline constexpr char kStatement[] = "$statement$";
inline constexpr char kGuardedStatement[] = "if ($guard$) $statement$";
inline constexpr char kBlock[] = R"cc(
  {
    $statements$
  }
)cc";
inline constexpr char kGuardedBlock[] = R"cc(
  if ($guard$) {
    $statements$
  }
)cc";
// ToPublic(next, priv)'s private message may be absent.
inline constexpr char kIfPrivate[] = R"cc(
  if (priv != nullptr) {
    $statements$
  }
)cc";
inline constexpr char kHas[] = "$object$has_$field$()";
inline constexpr char kNotBlank[] = "!($blank$)";
// Blank values (ozzo's Required).
inline constexpr char kBlankRepeated[] = "$object$$field$_size() == 0";
inline constexpr char kBlankMessage[] = "!$object$has_$field$()";
inline constexpr char kBlankString[] = "$object$$field$().empty()";
inline constexpr char kBlankBool[] = "!$object$$field$()";
inline constexpr char kBlankNumber[] = "$object$$field$() == 0";
inline constexpr char kBlankOneof[] = "$object$$case$() == $not_set$";

// ---- Oneofs ---------------------------------------------------------------------------

inline constexpr char kOneofSwitch[] = R"cc(
  switch ($object$$case$()) {
    $cases$
    default:
      break;
  }
)cc";
inline constexpr char kOneofCase[] = R"cc(
  case $case$: {
    $statements$
    break;
  }
)cc";

// ---- receive.required: failures keyed by the public field's Go name ---------------------

inline constexpr char kReceiveChecks[] = R"cc(
  ::cppsvc::ValidationContext blank;
  $checks$
  if (blank.violation_count() > 0) {
    return ::absl::FailedPreconditionError(blank.TakeViolations().ToString());
  }
)cc";
inline constexpr char kReceiveCheck[] = R"cc(
  if ($absent$$blank$) {
    blank.Report("$name$", ::cppsvc::Rule::kRequired, "cannot be blank");
  }
)cc";

// ---- CarryDeprecated: into the values ToNext and the chain brought to private -----------

inline constexpr char kCarry[] = R"cc(
  if (in.has_$from$()) {
    CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(), *out.mutable_$to$()));
  }
)cc";
inline constexpr char kCarryRepeated[] = R"cc(
  for (int i = 0; i < in.$from$_size() && i < out.$to$_size(); ++i) {
    CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(i), *out.mutable_$to$(i)));
  }
)cc";
inline constexpr char kCarryMap[] = R"cc(
  for (const auto& [key, value] : in.$from$()) {
    auto found = out.mutable_$to$()->find(key);
    if (found != out.mutable_$to$()->end()) {
      CPPSVC_RETURN_IF_ERROR($carry$(value, found->second));
    }
  }
)cc";
// Only where the chain brought the member to the same member of private.
inline constexpr char kCarryMember[] = R"cc(
  if (in.$case$() == $member_case$ && out.$pcase$() == $private_case$) {
    CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(), *out.mutable_$to$()));
  }
)cc";

// ---- Enum mapping functions ---------------------------------------------------------------

inline constexpr char kForwardMapping[] = R"cc(
  // $from$ -> $to$; unknown numbers become 0, as in protoc-gen-go-svc.
  $to_type$ $name$(int value) {
    switch (value) {
      $cases$
      default:
        return static_cast<$to_type$>(0);
    }
  }
)cc";
inline constexpr char kForwardMappingCase[] = R"cc(
  case $number$:  // $name$
    return $target$;
)cc";
inline constexpr char kBackwardMapping[] = R"cc(
  // $to$ -> $from$, through each value's receive set.
  bool $name$(int value, $from_type$* out) {
    switch (value) {
      $cases$
      default:
        return false;
    }
  }
)cc";
inline constexpr char kBackwardMappingCase[] = R"cc(
  case $number$:  // $name$
    *out = $target$;
    return true;
)cc";

}  // namespace cppsvc::plugin::conversion_templates

#endif  // CPPSVC_PLUGIN_EMIT_CONVERSION_TEMPLATES_H_
