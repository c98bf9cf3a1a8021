#pragma once

#include <QColor>
#include <QIcon>

class QPalette;

namespace Dps::Ui {

// The states a check, a field or a step can show. Icons are SVG (resources/icons) so they stay sharp
// at any scale; their mid-tone colours read on light and dark palettes alike.
enum class Status { None, Busy, Pending, Ok, Info, Warning, Error, Stopped };

QIcon statusIcon(Status status);
QIcon copyIcon();
QIcon openExternalIcon();
// Text colour for a status message that keeps enough contrast with `palette`'s window colour.
QColor statusTextColor(Status status, const QPalette &palette);
bool isDarkPalette(const QPalette &palette);

} // namespace Dps::Ui
