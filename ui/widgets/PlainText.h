#pragma once

#include <QString>

namespace Dps::Ui {

// Text that may come from a server (an ARM error, a tenant's or a person's name) is shown as what it
// is. Qt renders labels, message boxes and tooltips as HTML whenever the text looks like HTML, so
// those that can carry such text are set to Qt::PlainText, and tooltips, which have no such setting,
// go through plainToolTip().
QString plainToolTip(const QString &text);

} // namespace Dps::Ui
