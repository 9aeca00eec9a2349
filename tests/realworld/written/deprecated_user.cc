// User code after the generated headers: reading a deprecated field must
// still be warned about (and fail under -Werror=deprecated-declarations).
int UseDeprecatedField(const acme::catalog::v2::Item& item) {
  return static_cast<int>(item.old_code().size());
}
