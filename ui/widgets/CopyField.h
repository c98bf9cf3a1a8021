#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace Dps::Ui {

// A value to copy (ID scope, endpoints, host names): read-only text that can be selected, a copy button
// and a visible "Copied" confirmation. Only values that are not secret go through it.
class CopyField : public QWidget
{
    Q_OBJECT
public:
    // `accessibleName` names the value ("ID scope"); the button becomes "Copy the ID scope"-like via `copyText`.
    explicit CopyField(QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const;
    void setNames(const QString &accessibleName, const QString &copyButtonText, const QString &copiedText);
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *copyButton() const { return m_button; }
    QLabel *confirmation() const { return m_confirmation; }
    void copy();

Q_SIGNALS:
    void copied(const QString &value);

private:
    QLineEdit *m_edit;
    QToolButton *m_button;
    QLabel *m_confirmation;
    QTimer *m_hide;
};

// Puts plain text on the clipboard (and the X11 selection is left alone).
void copyToClipboard(const QString &text);

} // namespace Dps::Ui
