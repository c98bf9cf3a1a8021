#include "CopyField.h"

#include "StatusIcons.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace Dps::Ui {

namespace {
constexpr int ConfirmationMs = 4000;
} // namespace

void copyToClipboard(const QString &text)
{
    QApplication::clipboard()->setText(text, QClipboard::Clipboard);
}

CopyField::CopyField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_button(new QToolButton(this))
    , m_confirmation(new QLabel(this))
    , m_hide(new QTimer(this))
{
    m_edit->setReadOnly(true);
    m_edit->setObjectName(QStringLiteral("value"));
    m_button->setIcon(copyIcon());
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setObjectName(QStringLiteral("copyButton"));
    m_confirmation->setObjectName(QStringLiteral("copiedLabel"));
    m_confirmation->setVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    layout->addWidget(m_confirmation);
    m_hide->setSingleShot(true);
    m_hide->setInterval(ConfirmationMs);
    connect(m_hide, &QTimer::timeout, m_confirmation, &QLabel::hide);
    connect(m_button, &QToolButton::clicked, this, &CopyField::copy);
    setFocusProxy(m_edit);
}

void CopyField::setValue(const QString &value)
{
    m_edit->setText(value);
    m_edit->setCursorPosition(0);
    m_button->setEnabled(!value.isEmpty());
}

QString CopyField::value() const
{
    return m_edit->text();
}

void CopyField::setNames(const QString &accessibleName, const QString &copyButtonText, const QString &copiedText)
{
    m_edit->setAccessibleName(accessibleName);
    m_button->setText(copyButtonText);
    m_button->setAccessibleName(copyButtonText);
    m_confirmation->setText(copiedText);
    m_confirmation->setAccessibleName(copiedText);
}

void CopyField::copy()
{
    if (value().isEmpty())
        return;
    copyToClipboard(value());
    m_confirmation->setVisible(true);
    m_hide->start();
    Q_EMIT copied(value());
}

} // namespace Dps::Ui
